package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.submission.PermanentIntakeException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What happens to an item that failed: quarantine for content that cannot be handled, a ledger line and a health
 * mark for a transient failure that is left at the source.
 */
@Component
public class IntakeFailures {

    /** Exchange property: the folder (or place) where this route puts what it quarantines. */
    public static final String QUARANTINE_FOLDER = "intake.quarantineFolder";
    /** Exchange property: the item's source facts, set as soon as they are known. */
    public static final String SOURCE = "intake.source";

    private final IntakeLedger ledger;
    private final IntakeHealth health;

    IntakeFailures(IntakeLedger ledger, IntakeHealth health) {
        this.ledger = ledger;
        this.health = health;
    }

    public void quarantine(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause instanceof PermanentIntakeException p
                ? p.getMessage() + " | " + p.messageZh()
                : String.valueOf(cause);
        // camel-mail moves the mail to the folder named by this header once the exchange completes.
        exchange.getMessage().setHeader("moveTo", exchange.getProperty(QUARANTINE_FOLDER, String.class));
        record(exchange, Outcome.QUARANTINED, reason);
        health.succeeded(exchange.getFromRouteId());
    }

    public void leaveForRetry(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        health.failed(exchange.getFromRouteId(), reason);
        record(exchange, Outcome.RETRIED, reason);
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
