package cn.dataelements.contest.receipt;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipts in the database ({@code receipts}), one row per submission: decided in the transaction that takes the
 * submission in (a transactional outbox), as {@code OUTBOX} until the SMTP server accepted it, then {@code SENT};
 * {@code FAILED} when the server refused the recipient for good; {@code SKIPPED} when never to be sent (the
 * per-recipient limit); {@code UNANSWERED} (with why) when the submission gets no receipt at all. A submission with a
 * row is decided, and never decided again. One left as {@code OUTBOX} by an SMTP failure, the hourly cap or a crash is
 * sent by a later flush, oldest first; a crash between the server's acceptance and the row's update sends it twice (the
 * same Message-ID). Flushes of several instances never send the same receipt twice: each holds the row it sends.
 */
final class ReceiptOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReceiptOutbox.class);

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ReceiptSender sender;
    private final Clock clock;

    ReceiptOutbox(JdbcClient db, TransactionTemplate transactions, ReceiptSender sender, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.sender = sender;
        this.clock = clock;
    }

    /** True when this submission's receipt was ever decided: queued, sent, refused, skipped or not to be answered. */
    boolean contains(String submissionId) {
        return db.sql("select exists (select 1 from receipts where submission_id = ?)")
                .param(submissionId)
                .query(Boolean.class)
                .single();
    }

    /** Queues the receipt, in the transaction of the caller. */
    void add(String submissionId, String recipient, MimeMessage message) throws IOException, MessagingException {
        insert(submissionId, "OUTBOX", recipient, bytes(message), "");
    }

    /** Keeps the receipt that will not be sent, so the submission counts as decided and a person can see it. */
    void skip(String submissionId, String recipient, MimeMessage message) throws IOException, MessagingException {
        insert(submissionId, "SKIPPED", recipient, bytes(message), "the recipient reached the per-address rate limit");
    }

    /** Records that this submission gets no receipt, and why (English, for the organizer's staff). */
    void unanswered(String submissionId, String reason) {
        insert(submissionId, "UNANSWERED", "", null, reason);
    }

    /**
     * Receipts to this address that count against its limit (queued, sent or refused; not skipped) decided since a
     * time. Holds a lock on the address until the caller's transaction ends, so two decisions for one address count
     * each other.
     */
    int countedSince(String recipient, Instant since) {
        db.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("receipt:" + recipient)
                .query()
                .listOfRows();
        return db.sql("select count(*) from receipts where recipient = ? and state in ('OUTBOX', 'SENT', 'FAILED')"
                        + " and decided_at > ?")
                .params(recipient, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** How many receipts the server accepted since a time: what the hourly cap counts. */
    int sentSince(Instant since) {
        return db.sql("select count(*) from receipts where state = 'SENT' and sent_at > ?")
                .param(Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The submissions whose receipts wait, the longest waiting first. */
    List<String> pending() {
        return db.sql("select submission_id from receipts where state = 'OUTBOX' order by decided_at, submission_id")
                .query(String.class)
                .list();
    }

    /** Tries to send this queued receipt once, holding its row so no other flush sends it meanwhile. */
    Delivery deliver(String submissionId) {
        return transactions.execute(status -> {
            byte[] message = db.sql("select message from receipts where submission_id = ? and state = 'OUTBOX'"
                            + " for update skip locked")
                    .param(submissionId)
                    .query((rs, n) -> rs.getBytes("message"))
                    .optional()
                    .orElse(null);
            if (message == null) {
                return Delivery.GONE;
            }
            try {
                sender.send(new MimeMessage(sender.session(), new ByteArrayInputStream(message)));
                state(submissionId, "SENT", Timestamp.from(clock.instant()));
                log.info("Receipt {} sent", Receipts.receiptId(submissionId));
                return Delivery.SENT;
            } catch (SendFailedException e) {
                return refused(submissionId, e);
            } catch (MessagingException e) {
                log.warn(
                        "Receipt {} stays in the outbox, tried again later: {}",
                        Receipts.receiptId(submissionId),
                        e.toString());
                return Delivery.SERVER_UNAVAILABLE;
            }
        });
    }

    /** What one try to send a queued receipt came to. */
    enum Delivery {
        SENT,
        /** the server refused the recipient for good: kept as FAILED */
        REFUSED,
        /** the server could not be reached or refused for now: the receipt stays, and so do the others */
        SERVER_UNAVAILABLE,
        /** no longer queued (sent by another flush, or being sent by one now) */
        GONE
    }

    private Delivery refused(String submissionId, SendFailedException e) {
        boolean permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
        if (!permanent) {
            log.warn(
                    "Receipt {} stays in the outbox, tried again later: {}",
                    Receipts.receiptId(submissionId),
                    e.toString());
            return Delivery.SERVER_UNAVAILABLE;
        }
        state(submissionId, "FAILED", null);
        log.warn(
                "Receipt {} refused by the SMTP server for good, kept as failed: {}",
                Receipts.receiptId(submissionId),
                e.toString());
        return Delivery.REFUSED;
    }

    private void state(String submissionId, String state, Timestamp sentAt) {
        db.sql("update receipts set state = ?, sent_at = ? where submission_id = ?")
                .params(state, sentAt, submissionId)
                .update();
    }

    private void insert(String submissionId, String state, String recipient, byte[] message, String reason) {
        db.sql("""
                        insert into receipts (submission_id, state, recipient, message, reason, decided_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (submission_id) do nothing
                        """)
                .params(submissionId, state, recipient, message, reason, Timestamp.from(clock.instant()))
                .update();
    }

    private static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
