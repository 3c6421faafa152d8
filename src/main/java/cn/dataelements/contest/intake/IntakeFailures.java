package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.index.IndexingException;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.submission.PermanentIntakeException;
import cn.dataelements.contest.system.net.NetworkFailures;
import cn.dataelements.contest.system.postgres.DatabaseFailures;
import cn.dataelements.contest.system.storage.DataFolder;
import java.io.IOException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What happens to an item that failed, by why it failed, read from the causes the failure carries, not from its type.
 * Content that cannot be handled goes to quarantine at once. An outage (Elasticsearch, the IMAP server or an HTTP
 * source unreachable, timing out or overloaded; the data folder full or unwritable) leaves the item at its source,
 * retried without limit and shown in health: every item would fail the same way, so none is to blame. Anything else is
 * a defect met by this item: counted durably, tried again at the next poll while the items behind it go on, and
 * quarantined with its last error once {@code intake.routes.max-attempts} tries have failed.
 */
@Component
public class IntakeFailures {

    /** Exchange property: the folder (or place) where this route puts what it quarantines. */
    public static final String QUARANTINE_FOLDER = "intake.quarantineFolder";
    /** Exchange property: true once the item was quarantined. */
    public static final String QUARANTINED = "intake.quarantined";
    /** Exchange property: true when the item was left at its source because of an outage. */
    public static final String OUTAGE = "intake.outage";
    /** Exchange property: the item's source facts, set as soon as they are known. */
    public static final String SOURCE = "intake.source";

    /** Why an item failed. */
    enum Kind {
        PERMANENT,
        OUTAGE,
        DEFECT
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeFailures.class);

    private final IntakeLedger ledger;
    private final IntakeHealth health;
    private final IntakeAttempts attempts;
    private final DataFolder dataFolder;
    private final int maxAttempts;

    IntakeFailures(
            IntakeLedger ledger,
            IntakeHealth health,
            IntakeAttempts attempts,
            DataFolder dataFolder,
            IntakeProperties properties) {
        this.ledger = ledger;
        this.health = health;
        this.attempts = attempts;
        this.dataFolder = dataFolder;
        this.maxAttempts = properties.maxAttempts();
    }

    /**
     * Why the failure happened. Permanent: content the app refuses for what it is, anywhere in the causes. Outage: a
     * server the app depends on could not be reached or could not take the call now (as {@link IndexingException}
     * and {@link SourceUnavailableException} say, a lost connection anywhere in the causes, or the database unable to
     * do it now as {@link DatabaseFailures} tells), or a file could not
     * be written and the data folder turns out to be full or unwritable. Everything else is this item's own defect.
     */
    Kind kind(Throwable failure) {
        return outageReason(failure).isPresent() ? Kind.OUTAGE : permanent(failure) ? Kind.PERMANENT : Kind.DEFECT;
    }

    private static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PermanentIntakeException) {
                return true;
            }
        }
        return false;
    }

    /** The outage behind a failure, described, or empty when the failure is not one. */
    private Optional<String> outageReason(Throwable failure) {
        if (failure == null || permanent(failure)) {
            return Optional.empty();
        }
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IndexingException || t instanceof SourceUnavailableException) {
                return Optional.of(describe(failure));
            }
            io |= t instanceof IOException;
        }
        if (NetworkFailures.isNetwork(failure) || DatabaseFailures.isOutage(failure)) {
            return Optional.of(describe(failure));
        }
        return io ? dataFolder.unwritable() : Optional.empty();
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
        return source == null || attempts.failed(source.key()) + 1 >= maxAttempts;
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
        String error = describe(cause(exchange));
        if (source == null) {
            moveToQuarantine(exchange, "failed before its source was known, so it cannot be counted: " + error);
            return;
        }
        int count = attempts.fail(source.key(), error);
        moveToQuarantine(exchange, "failed " + count + " times, last: " + error);
    }

    /** A defect with attempts left: counted, and left at the source for the next poll while the others go on. */
    public void countAttempt(Exchange exchange) {
        SourceItem source = exchange.getProperty(SOURCE, SourceItem.class);
        String reason = describe(cause(exchange));
        if (source != null) {
            int count = attempts.fail(source.key(), reason);
            reason = "attempt " + count + " of " + maxAttempts + " failed: " + reason;
        }
        health.itemFailed(exchange.getFromRouteId(), reason);
        record(exchange, Outcome.RETRIED, reason);
    }

    /** An outage: left at the source, retried without limit, shown in health until an item goes through. */
    public void leaveForRetry(Exchange exchange) {
        String reason = outageReason(cause(exchange)).orElse(describe(cause(exchange)));
        exchange.setProperty(OUTAGE, true);
        health.outage(exchange.getFromRouteId(), reason);
        try {
            record(exchange, Outcome.RETRIED, "outage: " + reason);
        } catch (RuntimeException e) {
            // the outage may be the database's own: the item stays at its source all the same
            log.warn("Retry of {} not in the ledger: {}", exchange.getFromRouteId(), e.toString());
        }
    }

    private void moveToQuarantine(Exchange exchange, String reason) {
        // camel-mail moves the mail to the folder named by this header once the exchange completes.
        exchange.getMessage().setHeader("moveTo", exchange.getProperty(QUARANTINE_FOLDER, String.class));
        exchange.setProperty(QUARANTINED, true);
        record(exchange, Outcome.QUARANTINED, reason);
        health.itemQuarantined(exchange.getFromRouteId());
    }

    /** The failure: on the exchange while a clause is chosen, in EXCEPTION_CAUGHT once one handles it. */
    private static Throwable cause(Exchange exchange) {
        return exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** The failure and its causes, each once: the outermost says where, the innermost what. */
    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = cause; t != null && depth < 4; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String message = t.getClass().getSimpleName() + ": " + t.getMessage();
            if (text.indexOf(String.valueOf(t.getMessage())) >= 0 && t.getMessage() != null) {
                continue;
            }
            text.append(depth == 0 ? "" : "; caused by ").append(message);
        }
        return text.toString();
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
