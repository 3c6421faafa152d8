package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.index.IndexingException;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.submission.PermanentIntakeException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What happens to an item that failed, by why it failed. Content that cannot be handled goes to quarantine at once. An
 * outage (Elasticsearch unreachable or overloaded, the disk, the mail server) leaves the item at its source, retried
 * without limit and shown in health. Anything else is a defect met by this item: counted durably, tried again at the
 * next poll, and quarantined with its last error once {@code intake.routes.max-attempts} tries have failed, so it
 * cannot hold up the mail behind it forever.
 */
@Component
public class IntakeFailures {

    /** Exchange property: the folder (or place) where this route puts what it quarantines. */
    public static final String QUARANTINE_FOLDER = "intake.quarantineFolder";
    /** Exchange property: true once the item was quarantined. */
    public static final String QUARANTINED = "intake.quarantined";
    /** Exchange property: the item's source facts, set as soon as they are known. */
    public static final String SOURCE = "intake.source";

    /** Why an item failed. */
    enum Kind {
        PERMANENT,
        OUTAGE,
        DEFECT
    }

    private final IntakeLedger ledger;
    private final IntakeHealth health;
    private final IntakeAttempts attempts;
    private final int maxAttempts;

    IntakeFailures(IntakeLedger ledger, IntakeHealth health, IntakeAttempts attempts, IntakeProperties properties) {
        this.ledger = ledger;
        this.health = health;
        this.attempts = attempts;
        this.maxAttempts = properties.maxAttempts();
    }

    /** Content that cannot be handled: a permanent failure anywhere in the chain of causes. */
    static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PermanentIntakeException) {
                return Kind.PERMANENT;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IndexingException
                    || t instanceof MessagingException
                    || t instanceof IOException
                    || t instanceof UncheckedIOException) {
                return Kind.OUTAGE;
            }
        }
        return Kind.DEFECT;
    }

    boolean is(Exchange exchange, Kind kind) {
        return kind(cause(exchange)) == kind;
    }

    /** True when this defect is the item's last allowed attempt (or the item cannot be counted: no source facts). */
    boolean lastAttempt(Exchange exchange) {
        if (!is(exchange, Kind.DEFECT)) {
            return false;
        }
        SourceItem source = exchange.getProperty(SOURCE, SourceItem.class);
        return source != null && attempts.failed(source.key()) + 1 >= maxAttempts;
    }

    public void quarantine(Exchange exchange) {
        Throwable cause = cause(exchange);
        String reason = cause instanceof PermanentIntakeException p
                ? p.getMessage() + " | " + p.messageZh()
                : String.valueOf(cause);
        moveToQuarantine(exchange, reason);
    }

    /** The defect's last attempt: counted, and the item goes to quarantine with this error. */
    public void quarantineAfterAttempts(Exchange exchange) {
        SourceItem source = exchange.getProperty(SOURCE, SourceItem.class);
        int count = attempts.fail(source.key(), describe(cause(exchange)));
        moveToQuarantine(exchange, "failed " + count + " times, last: " + describe(cause(exchange)));
    }

    /** A defect with attempts left: counted, and left at the source for the next poll. */
    public void countAttempt(Exchange exchange) {
        SourceItem source = exchange.getProperty(SOURCE, SourceItem.class);
        String reason = describe(cause(exchange));
        if (source != null) {
            int count = attempts.fail(source.key(), reason);
            reason = "attempt " + count + " of " + maxAttempts + " failed: " + reason;
        }
        record(exchange, Outcome.RETRIED, reason);
    }

    /** An outage: left at the source, retried without limit, shown in health until an item goes through. */
    public void leaveForRetry(Exchange exchange) {
        String reason = describe(cause(exchange));
        health.outage(exchange.getFromRouteId(), reason);
        record(exchange, Outcome.RETRIED, "outage: " + reason);
    }

    private void moveToQuarantine(Exchange exchange, String reason) {
        // camel-mail moves the mail to the folder named by this header once the exchange completes.
        exchange.getMessage().setHeader("moveTo", exchange.getProperty(QUARANTINE_FOLDER, String.class));
        exchange.setProperty(QUARANTINED, true);
        record(exchange, Outcome.QUARANTINED, reason);
        health.itemSucceeded(exchange.getFromRouteId());
    }

    /** The failure: on the exchange while a clause is chosen, in EXCEPTION_CAUGHT once one handles it. */
    private static Throwable cause(Exchange exchange) {
        return exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void record(Exchange exchange, Outcome outcome, String reason) {
        SourceItem source = exchange.getProperty(SOURCE, SourceItem.class);
        ArchivedSubmission archived = exchange.getIn().getBody() instanceof ArchivedSubmission a ? a : null;
        ledger.record(
                exchange.getFromRouteId(),
                outcome,
                archived == null ? "" : archived.id(),
                source == null ? "" : source.messageId(),
                source == null ? "" : source.folder(),
                source == null ? -1 : source.uid(),
                reason);
    }
}
