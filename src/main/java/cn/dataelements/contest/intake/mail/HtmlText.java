package cn.dataelements.contest.intake.mail;

import java.util.regex.Pattern;

/**
 * Plain text from an HTML mail body, for mails that carry no text/plain alternative. Good enough for reading and
 * indexing a mail body; not a general HTML renderer.
 */
final class HtmlText {

    private static final Pattern INVISIBLE =
            Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00a0\\u3000]*(\\n[ \\t\\u00a0\\u3000]*)+");

    private HtmlText() {}

    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        text = text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
