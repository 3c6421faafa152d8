package cn.dataelements.contest.receipt;

import cn.dataelements.contest.submission.ReadSubmission;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline's one entry point for receipts. Before a submission counts as taken, {@link #prepare} decides its
 * receipt and records that decision in the transaction that takes the submission in (the receipt queued, or why there
 * is none): the receipt commits with the submission or not at all, so a crash never loses one, and a submission, keyed
 * by its id, never gets two. {@link #flush} sends what waits, within the hourly cap, on the sending thread of
 * {@link ReceiptFlusher}: intake never waits for an SMTP server. Both limits are counted from the receipts kept, so a
 * restart or a second instance does not reopen them.
 */
@Component
public class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private final ReceiptProperties properties;
    private final ReceiptPolicy policy;
    private final ReceiptComposer composer;
    private final ReceiptOutbox outbox;
    private final Object sending = new Object();
    private final Clock clock;

    @Autowired
    public Receipts(
            ReceiptProperties properties,
            ObjectProvider<ReadAddresses> readAddresses,
            JdbcClient db,
            TransactionTemplate transactions) {
        this(
                properties,
                () -> readAddresses.stream().flatMap(r -> r.all().stream()).toList(),
                db,
                transactions,
                Clock.systemUTC());
    }

    /**
     * @param readAddresses the addresses the app reads mail from, asked at each decision: never a recipient
     */
    Receipts(
            ReceiptProperties properties,
            Supplier<List<String>> readAddresses,
            JdbcClient db,
            TransactionTemplate transactions,
            Clock clock) {
        this.properties = properties;
        this.clock = clock;
        ReceiptSender sender = new ReceiptSender(properties);
        this.policy = new ReceiptPolicy(() -> ownAddresses(properties, readAddresses));
        this.composer = new ReceiptComposer(properties, sender.session(), clock);
        this.outbox = properties.enabled() ? new ReceiptOutbox(db, transactions, sender, clock) : null;
    }

    /**
     * Decides the receipt of one submission and records the decision, in the caller's transaction: the receipt queued,
     * or kept as skipped, or why there is none. Asked again for the same submission it does nothing: the first
     * decision stands.
     *
     * @param submissionId the submission; its receipt's id is derived from it
     * @param sender who sent it, as the channel says: the headers tell whether it looks automatic
     * @param formContact the contact e-mail written in the submission's own form, or empty: a Reply-To may name it
     * @param content what the receipt says
     * @throws IOException when the receipt could not be composed (then the submission must not count as taken)
     */
    public ReceiptOutcome prepare(
            String submissionId, ReadSubmission.Sender sender, String formContact, ReceiptContent content)
            throws IOException {
        if (outbox == null) {
            return ReceiptOutcome.DISABLED;
        }
        if (outbox.contains(submissionId)) {
            return ReceiptOutcome.ALREADY_HANDLED;
        }
        Optional<String> recipient = policy.recipient(sender, formContact);
        if (recipient.isEmpty()) {
            outbox.unanswered(submissionId, "no receipt: automatic mail or no address that may be answered");
            return ReceiptOutcome.NOT_ANSWERED;
        }
        String id = receiptId(submissionId);
        MimeMessage message = compose(ReceiptRequest.of(recipient.get(), sender.messageId(), content), id);
        try {
            int counted = outbox.countedSince(recipient.get(), clock.instant().minus(properties.ratePeriod()));
            if (counted >= properties.maxPerRecipient()) {
                outbox.skip(submissionId, recipient.get(), message);
                log.warn("Receipt {} skipped: its recipient reached the per-address rate limit", id);
                return ReceiptOutcome.RATE_LIMITED;
            }
            outbox.add(submissionId, recipient.get(), message);
        } catch (MessagingException e) {
            throw new IOException("cannot keep receipt " + id, e);
        }
        return ReceiptOutcome.QUEUED;
    }

    /** True when the receipt of this submission was decided (or receipts are off): nothing is left to do for it. */
    public boolean decided(String submissionId) {
        return outbox == null || outbox.contains(submissionId);
    }

    /**
     * Sends what waits in the outbox, the longest waiting first, until the hourly cap is reached or the server is
     * unavailable; the rest waits for the next flush. Returns how many the server accepted.
     */
    public int flush() throws IOException {
        if (outbox == null) {
            return 0;
        }
        synchronized (sending) {
            int sent = 0;
            List<String> pending = outbox.pending();
            for (int i = 0; i < pending.size(); i++) {
                if (outbox.sentSince(clock.instant().minus(HOUR)) >= properties.maxPerHour()) {
                    log.info(
                            "{} receipt(s) wait in the outbox: the cap of {} per hour is reached",
                            pending.size() - i,
                            properties.maxPerHour());
                    break;
                }
                ReceiptOutbox.Delivery delivery = outbox.deliver(pending.get(i));
                if (delivery == ReceiptOutbox.Delivery.SENT) {
                    sent++;
                } else if (delivery == ReceiptOutbox.Delivery.SERVER_UNAVAILABLE) {
                    break;
                }
            }
            return sent;
        }
    }

    boolean enabled() {
        return outbox != null;
    }

    ReceiptProperties properties() {
        return properties;
    }

    /** Who would get the receipt of a submission from this sender, as the policy is wired: none when empty. */
    Optional<String> recipientOf(ReadSubmission.Sender sender, String formContact) {
        return policy.recipient(sender, formContact);
    }

    /** The receipt of a submission: one per submission id, whoever asks and how often. */
    static String receiptId(String submissionId) {
        return "receipt-" + submissionId;
    }

    private static Set<String> ownAddresses(ReceiptProperties properties, Supplier<List<String>> readAddresses) {
        Set<String> own = new HashSet<>(readAddresses.get());
        own.add(properties.from());
        return own;
    }

    private MimeMessage compose(ReceiptRequest request, String id) throws IOException {
        try {
            return composer.compose(request, id);
        } catch (MessagingException e) {
            throw new IOException("cannot compose receipt " + id, e);
        }
    }
}
