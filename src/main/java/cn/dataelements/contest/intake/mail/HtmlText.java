package cn.dataelements.contest.intake.mail;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from an HTML mail body, for mails that carry no text/plain alternative: parsed by jsoup as a browser
 * would (entities, numeric ones included, decoded; broken markup repaired), scripts, styles and the head dropped, a
 * line break after each block and at each {@code <br>}.
 */
final class HtmlText {

    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "noscript", "template");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "tr",
            "table",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "address");
    private static final Pattern SPACE_AROUND_BREAKS = Pattern.compile("[ \\t\\u00a0]*\\n[ \\t\\u00a0]*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[\\u3000]*(\\n[\\u3000]*)+");

    private HtmlText() {}

    private static boolean isBlock(Node node) {
        return node instanceof Element e && BLOCKS.contains(e.normalName());
    }

    /** A block starts and ends on its own line: one line break, however many blocks meet there. */
    private static void lineBreak(StringBuilder text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        text.setLength(end);
        if (end > 0 && text.charAt(end - 1) != '\n') {
            text.append('\n');
        }
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        INVISIBLE.forEach(tag -> document.select(tag).remove());
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            text.append(StringUtil.normaliseWhitespace(t.getWholeText()));
                        } else if (node instanceof Element e && e.nameIs("br")) {
                            text.append('\n');
                        } else if (isBlock(node)) {
                            lineBreak(text);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (isBlock(node)) {
                            lineBreak(text);
                        }
                    }
                },
                document.body());
        String lines = SPACE_AROUND_BREAKS.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
}
