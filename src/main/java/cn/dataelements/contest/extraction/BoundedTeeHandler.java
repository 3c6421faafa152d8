package cn.dataelements.contest.extraction;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Passes SAX events on until the body text or the markup grows past its budget, then closes every open element, so the
 * XHTML stays well-formed for the normalizer, and stops the parse with Tika's {@link WriteLimitReachedException}.
 * The markup budget matters for sheets with many empty cells, whose XHTML is large while their text is small.
 */
final class BoundedTeeHandler extends ContentHandlerDecorator {

    /** Markup may be this many times the text budget: table-heavy XHTML runs about three times its text. */
    static final int MARKUP_FACTOR = 4;
    /** Markup allowed on top, so that a tiny text budget still leaves room for a few tags. */
    static final int MARKUP_ALLOWANCE = 65_536;

    private record Open(String uri, String localName, String qName) {}

    private final Deque<Open> open = new ArrayDeque<>();
    private final int maxTextChars;
    private final long maxMarkupChars;
    private int textChars;
    private long markupChars;
    private boolean truncated;
    private boolean inBody;

    BoundedTeeHandler(ContentHandler delegate, int maxTextChars) {
        super(delegate);
        this.maxTextChars = maxTextChars;
        this.maxMarkupChars = (long) maxTextChars * MARKUP_FACTOR + MARKUP_ALLOWANCE;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (truncated) {
            return;
        }
        if (inBody) {
            markupChars += 2L * qName.length() + 5;
            for (int i = 0; i < atts.getLength(); i++) {
                markupChars += atts.getQName(i).length() + atts.getValue(i).length() + 4;
            }
            if (markupChars > maxMarkupChars) {
                stop();
            }
        }
        super.startElement(uri, localName, qName, atts);
        inBody |= "body".equals(localName);
        open.push(new Open(uri, localName, qName));
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (truncated) {
            return;
        }
        super.endElement(uri, localName, qName);
        open.poll();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (truncated) {
            return;
        }
        if (!inBody) {
            super.characters(ch, start, length);
            return;
        }
        int room = maxTextChars - textChars;
        super.characters(ch, start, Math.min(length, room));
        textChars += Math.min(length, room);
        if (length > room) {
            stop();
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void endDocument() throws SAXException {
        if (!truncated) {
            super.endDocument();
        }
    }

    private void stop() throws SAXException {
        truncated = true;
        while (!open.isEmpty()) {
            Open element = open.pop();
            super.endElement(element.uri(), element.localName(), element.qName());
        }
        super.endDocument();
        throw new WriteLimitReachedException(maxTextChars);
    }
}
