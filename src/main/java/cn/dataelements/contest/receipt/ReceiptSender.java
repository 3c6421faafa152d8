package cn.dataelements.contest.receipt;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Hands one receipt to the configured SMTP server with a plain Jakarta Mail {@link Transport} of its own: the message
 * is exactly the one in the outbox, and no header of an inbound mail or a Camel exchange can reach it. The envelope
 * sender is the configured from address, so bounces of receipts come back to us (and the policy never answers them).
 */
public final class ReceiptSender {

    private final ReceiptProperties properties;
    private final Session session;

    public ReceiptSender(ReceiptProperties properties) {
        this.properties = properties;
        this.session = Session.getInstance(sessionProperties(properties));
    }

    public Session session() {
        return session;
    }

    /** Returns once the server accepted the message; throws when it did not. */
    public void send(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport(properties.protocol())) {
            if (properties.username().isBlank()) {
                // Jakarta Mail would log in as the OS user with an empty password: connect without logging in.
                transport.connect(properties.host(), properties.port(), null, null);
            } else {
                transport.connect(properties.host(), properties.port(), properties.username(), properties.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static Properties sessionProperties(ReceiptProperties p) {
        String prefix = "mail." + p.protocol() + ".";
        String millis = String.valueOf(p.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty(prefix + "connectiontimeout", millis);
        props.setProperty(prefix + "timeout", millis);
        props.setProperty(prefix + "writetimeout", millis);
        props.setProperty(prefix + "from", p.from());
        props.setProperty(prefix + "auth", String.valueOf(!p.username().isBlank()));
        if (p.startTls()) {
            props.setProperty(prefix + "starttls.enable", "true");
            props.setProperty(prefix + "starttls.required", "true");
        }
        return props;
    }
}
