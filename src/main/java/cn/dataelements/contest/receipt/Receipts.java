package cn.dataelements.contest.receipt;

import cn.dataelements.contest.intake.mail.ParsedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one entry point of the pipeline for receipts: after a mailed submission made a new version of an entry, call
 * {@link #acknowledge(ParsedMail, ReceiptContent)} once. It answers only mail that looks written by a person, at most
 * once per entry version (the receipt id is derived from entry id and version), within the per-address rate limit,
 * and puts the receipt on disk before sending it, so an SMTP outage or a crash delays a receipt but does not lose it.
 */
@Component
public class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final ReceiptProperties properties;
    private final ReceiptPolicy policy;
    private final ReceiptComposer composer;
    private final RecipientRateLimit rateLimit;
    private final ReceiptOutbox outbox;

    @Autowired
    public Receipts(ReceiptProperties properties) {
        this(properties, Clock.systemUTC());
    }

    Receipts(ReceiptProperties properties, Clock clock) {
        this.properties = properties;
        ReceiptSender sender = new ReceiptSender(properties);
        this.policy = new ReceiptPolicy(Set.of(properties.from()));
        this.composer = new ReceiptComposer(properties, sender.session(), clock);
        this.rateLimit = new RecipientRateLimit(properties.maxPerRecipient(), properties.ratePeriod(), clock);
        this.outbox = properties.enabled() ? openOutbox(properties, sender) : null;
        if (outbox != null) {
            refillRateLimit();
        }
    }

    /**
     * Sends the receipt for one version of an entry to the sender of the mail that made it, or decides not to.
     *
     * @param mail the mail as parsed: its headers say whether it looks automatic and where to reply
     * @param content what the receipt says
     * @return what happened; {@link ReceiptOutcome#QUEUED} means it will be retried from the outbox
     * @throws IOException when the receipt could not be written to the outbox (then nothing was sent)
     */
    public synchronized ReceiptOutcome acknowledge(ParsedMail mail, ReceiptContent content) throws IOException {
        if (outbox == null) {
            return ReceiptOutcome.DISABLED;
        }
        String id = receiptId(content.entryId(), content.version());
        if (outbox.contains(id)) {
            log.info("Receipt {} for entry {} v{} was handled before", id, content.entryId(), content.version());
            return ReceiptOutcome.ALREADY_HANDLED;
        }
        Optional<String> recipient = policy.shouldReply(mail);
        if (recipient.isEmpty()) {
            return ReceiptOutcome.NOT_ANSWERED;
        }
        return queueAndSend(id, ReceiptRequest.of(recipient.get(), mail.messageId(), content));
    }

    /** Tries every receipt still in the outbox once; returns how many the server accepted. */
    public int flush() throws IOException {
        return outbox == null ? 0 : outbox.flush();
    }

    boolean enabled() {
        return outbox != null;
    }

    ReceiptProperties properties() {
        return properties;
    }

    /** Deterministic: the same entry version always has the same receipt id, whoever asks and how often. */
    static String receiptId(String entryId, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((entryId + "\nv" + version).getBytes(StandardCharsets.UTF_8));
            return "receipt-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReceiptOutcome queueAndSend(String id, ReceiptRequest request) throws IOException {
        MimeMessage message = compose(request, id);
        try {
            if (!rateLimit.tryAcquire(request.recipient())) {
                outbox.skip(id, message);
                log.warn("Receipt {} skipped: {} reached its rate limit", id, request.recipient());
                return ReceiptOutcome.RATE_LIMITED;
            }
            outbox.add(id, message);
        } catch (MessagingException e) {
            throw new IOException("cannot write receipt " + id + " to the outbox", e);
        }
        return outbox.deliver(id) ? ReceiptOutcome.SENT : ReceiptOutcome.QUEUED;
    }

    private MimeMessage compose(ReceiptRequest request, String id) throws IOException {
        try {
            return composer.compose(request, id);
        } catch (MessagingException e) {
            throw new IOException("cannot compose receipt " + id, e);
        }
    }

    private void refillRateLimit() {
        try {
            outbox.counted().forEach(c -> rateLimit.record(c.recipient(), c.at()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receipts in " + properties.dir(), e);
        }
    }

    private static ReceiptOutbox openOutbox(ReceiptProperties properties, ReceiptSender sender) {
        try {
            return new ReceiptOutbox(properties.dir(), sender);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the receipt outbox in " + properties.dir(), e);
        }
    }
}
