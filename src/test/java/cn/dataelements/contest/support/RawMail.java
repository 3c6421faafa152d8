package cn.dataelements.contest.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Builds a raw mail the way a Chinese Windows client writes one: GBK subject and body, attachment names as RFC
 * 2231 GBK parameters; written byte for byte, so no mail library re-encodes anything.
 */
public final class RawMail {

    private static final Charset GBK = Charset.forName("GBK");

    private final String messageId = "<" + UUID.randomUUID() + "@team.example.cn>";
    private final String subject;
    private String body = "各位老师好：\n\n附件为我们的参赛材料，请查收。";
    private final List<String[]> attachments = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();
    private String from = "team@example.cn";
    private String extraHeaders = "";

    public RawMail(String subject) {
        this.subject = subject;
    }

    public String messageId() {
        return messageId;
    }

    /** The sender's address (default team@example.cn). */
    public RawMail from(String address) {
        this.from = address;
        return this;
    }

    /** Adds a Reply-To header: where the sender asks answers to go. */
    public RawMail replyTo(String address) {
        this.extraHeaders += "Reply-To: " + address + "\r\n";
        return this;
    }

    /** Marks the mail as an automatic reply, as an out-of-office message is. */
    public RawMail autoReply() {
        this.extraHeaders += "Auto-Submitted: auto-replied\r\n";
        return this;
    }

    public RawMail body(String text) {
        this.body = text;
        return this;
    }

    public RawMail attach(String fileName, String contentType, byte[] content) {
        attachments.add(new String[] {fileName, contentType});
        contents.add(content);
        return this;
    }

    public byte[] bytes() {
        String boundary = "----=_Part_" + UUID.randomUUID();
        StringBuilder head = new StringBuilder()
                .append("Message-ID: ")
                .append(messageId)
                .append("\r\n")
                .append("Date: Tue, 10 Jun 2025 09:30:00 +0800\r\n")
                .append("From: =?GBK?B?")
                .append(b64("威海市某某科技有限公司"))
                .append("?= <")
                .append(from)
                .append(">\r\n")
                .append(extraHeaders)
                .append("To: submit@contest.local\r\n")
                .append("Subject: =?GBK?B?")
                .append(b64(subject))
                .append("?=\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"")
                .append(boundary)
                .append("\"\r\n\r\n")
                .append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Type: text/plain; charset=GBK\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(body.getBytes(GBK)))
                .append("\r\n");
        for (int i = 0; i < attachments.size(); i++) {
            String encodedName = URLEncoder.encode(attachments.get(i)[0], GBK).replace("+", "%20");
            head.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Type: ")
                    .append(attachments.get(i)[1])
                    .append("\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n")
                    .append("Content-Disposition: attachment; filename*=GBK''")
                    .append(encodedName)
                    .append("\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(contents.get(i)))
                    .append("\r\n");
        }
        head.append("--").append(boundary).append("--\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(GBK));
    }
}
