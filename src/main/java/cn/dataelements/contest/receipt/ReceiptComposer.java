package cn.dataelements.contest.receipt;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds a receipt as a new message from configuration and our own data only. Of the inbound mail it uses the
 * recipient address and, once it matches a strict {@code <local@domain>} pattern, its Message-ID as In-Reply-To and
 * References, so the team's mail client shows the receipt beside their submission; nothing else of the inbound mail
 * reaches a header. Marked {@code Auto-Submitted: auto-replied} (RFC 3834) and {@code X-Auto-Response-Suppress: All}
 * (Exchange) so other robots do not answer it. No {@code Precedence} header: it is not standard, RFC 3834 advises
 * against relying on it, and {@code bulk} would get receipts filed as bulk mail.
 */
final class ReceiptComposer {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final int MAX_MESSAGE_ID = 250;

    private final ReceiptProperties properties;
    private final Session session;
    private final Clock clock;

    ReceiptComposer(ReceiptProperties properties, Session session, Clock clock) {
        this.properties = properties;
        this.session = session;
        this.clock = clock;
    }

    /** The receipt, headers final (saved), ready to be written to the outbox. */
    MimeMessage compose(ReceiptRequest request, String receiptId) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(receiptId));
        message.setFrom(sender());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(request.recipient(), true));
        message.setSentDate(Date.from(clock.instant()));
        message.setSubject(subject(request), StandardCharsets.UTF_8.name());
        replyingTo(request.inboundMessageId()).ifPresent(id -> {
            setHeader(message, "In-Reply-To", id);
            setHeader(message, "References", id);
        });
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader("Content-Language", "zh-CN");
        message.setText(ReceiptText.body(request), StandardCharsets.UTF_8.name());
        message.setHeader("Content-Transfer-Encoding", "base64");
        message.saveChanges();
        return message;
    }

    String subject(ReceiptRequest request) {
        return properties.subjectPrefix() + "已收到您的参赛材料（受理编号 " + ReceiptText.acceptanceNumber(request) + "）";
    }

    static Optional<String> replyingTo(String inboundMessageId) {
        String id = inboundMessageId == null ? "" : inboundMessageId.strip();
        return id.length() <= MAX_MESSAGE_ID && MESSAGE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private InternetAddress sender() throws MessagingException {
        try {
            return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh for each receipt, and kept with it in the outbox, so a retried send carries the same id. */
    private String messageId(String receiptId) {
        String domain = properties.from().substring(properties.from().lastIndexOf('@') + 1);
        return "<" + receiptId + "." + UUID.randomUUID() + "@" + domain + ">";
    }

    private static void setHeader(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jakarta Mail replaces the Message-ID on every save; this one keeps ours. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
