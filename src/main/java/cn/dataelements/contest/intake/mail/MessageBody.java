package cn.dataelements.contest.intake.mail;

/**
 * The body of one message as found while walking: the first unnamed text/plain and text/html parts. Plain text wins;
 * HTML is reduced to text only when there is no non-blank plain text.
 */
final class MessageBody {

    private String plain;
    private String html;

    boolean accepts(String mediaType) {
        return mediaType.equals("text/plain") ? plain == null : html == null;
    }

    void put(String mediaType, String text) {
        if (mediaType.equals("text/plain")) {
            plain = text;
        } else {
            html = text;
        }
    }

    String text() {
        if (plain != null && !plain.isBlank()) {
            return plain.replace("\r\n", "\n").strip();
        }
        return html == null ? "" : HtmlText.toText(html);
    }
}
