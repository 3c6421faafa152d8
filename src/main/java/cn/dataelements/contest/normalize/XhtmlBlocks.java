package cn.dataelements.contest.normalize;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Tika's XHTML into a flat list of {@link Block}s in document order. Only the body is read. Tables of tables are
 * flattened into the outermost row's cells, since forms nest tables for layout, not meaning. Text outside any block
 * element (PDF pages put lines straight into divs) becomes a paragraph of its own.
 */
final class XhtmlBlocks {

    private static final Set<String> BLOCKS = Set.of("p", "li", "div", "blockquote", "pre", "dt", "dd", "body");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private int tableDepth;
    private boolean inBody;

    private XhtmlBlocks() {}

    /** Throws when the XHTML is not well-formed; Tika's output always is, even when cut short. */
    static List<Block> read(String xhtml) throws XMLStreamException {
        XhtmlBlocks reader = new XhtmlBlocks();
        XMLStreamReader xml = factory().createXMLStreamReader(new StringReader(xhtml));
        try {
            while (xml.hasNext()) {
                reader.on(xml.next(), xml);
            }
        } finally {
            xml.close();
        }
        reader.flush(Block.Kind.PARAGRAPH);
        return List.copyOf(reader.blocks);
    }

    /** No DTDs and no external entities: the XHTML came from a team's document. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private void on(int event, XMLStreamReader xml) {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> start(xml.getLocalName());
            case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> characters(xml.getText());
            default -> {
                // comments, processing instructions: nothing a reader sees
            }
        }
    }

    private void start(String name) {
        inBody |= name.equals("body");
        if (name.equals("table")) {
            tableDepth++;
            flush(Block.Kind.PARAGRAPH);
        } else if (tableDepth == 1 && name.equals("tr")) {
            cells.clear();
        } else if (tableDepth == 1 && (name.equals("td") || name.equals("th"))) {
            cell.setLength(0);
        } else if (tableDepth > 0 && (name.equals("p") || name.equals("br"))) {
            newLine(cell);
        } else if (name.equals("br")) {
            newLine(text);
        } else if (tableDepth == 0 && (BLOCKS.contains(name) || HEADINGS.contains(name))) {
            flush(Block.Kind.PARAGRAPH);
        }
    }

    private void end(String name) {
        if (name.equals("table")) {
            tableDepth--;
        } else if (tableDepth == 1 && (name.equals("td") || name.equals("th"))) {
            cells.add(cell.toString().strip());
        } else if (tableDepth == 1 && name.equals("tr")) {
            row();
        } else if (tableDepth == 0 && HEADINGS.contains(name)) {
            flush(Block.Kind.HEADING);
        } else if (tableDepth == 0 && BLOCKS.contains(name)) {
            flush(Block.Kind.PARAGRAPH);
        }
    }

    /**
     * A row with one filled cell is a box drawn around text (a section's title, or its whole text), not a table row:
     * its lines are paragraphs, so that sub-titles inside it are found like any other.
     */
    private void row() {
        Block row = Block.row(cells);
        if (row.filledCells().size() == 1) {
            row.filledCells().get(0).lines().forEach(l -> add(Block.Kind.PARAGRAPH, l));
        } else if (!row.filledCells().isEmpty()) {
            blocks.add(row);
        }
    }

    private void characters(String chars) {
        if (!inBody) {
            return;
        }
        (tableDepth > 0 ? cell : text).append(chars);
    }

    private static void newLine(StringBuilder buffer) {
        if (!buffer.isEmpty() && buffer.charAt(buffer.length() - 1) != '\n') {
            buffer.append('\n');
        }
    }

    /**
     * Each line is a block of its own: PDF text comes as paragraphs of several lines, with a heading on the line after
     * the text it follows, and Word's line breaks put a sub-title and its text in one paragraph.
     */
    private void flush(Block.Kind kind) {
        String content = text.toString();
        text.setLength(0);
        content.lines().forEach(l -> add(kind, l));
    }

    private void add(Block.Kind kind, String line) {
        if (!line.isBlank()) {
            blocks.add(Block.of(kind, line.strip()));
        }
    }
}
