package cn.dataelements.contest.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every intake outcome in the database ({@code ledger}), in the transaction of the item it tells of when there
 * is one: the outcome commits with what it records. {@link LedgerReplicator} copies the lines to the ledger index once
 * they are committed.
 */
@Component
public class IntakeLedger {

    private static final Logger log = LoggerFactory.getLogger(IntakeLedger.class);

    private final JdbcClient db;
    private final Clock clock;
    private final LedgerReplicator replicator;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    IntakeLedger(JdbcClient db, LedgerReplicator replicator, io.micrometer.core.instrument.MeterRegistry meters) {
        this.db = db;
        this.clock = Clock.systemUTC();
        this.replicator = replicator;
        this.meters = meters;
    }

    /** Counts the outcome by route ({@code intake_items_total} in Prometheus' words), once it is committed. */
    private void count(String route, Outcome outcome) {
        meters.counter("intake.items", "route", route, "outcome", outcome.name())
                .increment();
    }

    /** Records one outcome, then asks for it to be copied to the index once committed (without waiting for that). */
    public LedgerEvent record(
            String route,
            Outcome outcome,
            String submissionId,
            String messageId,
            String folder,
            long uid,
            String reason) {
        LedgerEvent event = new LedgerEvent(
                UUID.randomUUID().toString(),
                clock.instant(),
                route,
                outcome,
                submissionId,
                messageId,
                folder,
                uid,
                reason);
        db.sql("insert into ledger (id, at, route, outcome, submission_id, message_id, folder, uid, reason)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.fromString(event.id()),
                        Timestamp.from(event.at()),
                        event.route(),
                        event.outcome().name(),
                        event.submissionId(),
                        event.messageId(),
                        event.folder(),
                        event.uid(),
                        event.reason())
                .update();
        log.info("Intake {}: route={} submission={} uid={} {}", outcome, route, submissionId, uid, reason);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(route, outcome);
                    replicator.wake();
                }
            });
        } else {
            count(route, outcome);
            replicator.wake();
        }
        return event;
    }
}
