package cn.dataelements.contest.bench;

import cn.dataelements.contest.support.AppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the intake ledger in the app's database (its record of every outcome, committed with the item) to learn when
 * each benchmark mail was done: indexed, or quarantined.
 */
final class LedgerWatch {

    /** When a mail was done and how. */
    record Done(Instant at, String outcome) {}

    private final Path dataDir;
    private JdbcClient db;

    /** The ledger of the app whose data folder this is (its local PostgreSQL). */
    LedgerWatch(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Waits until every one of these Message-IDs has a final outcome, or the time is up; returns those that do. */
    Map<String, Done> await(Set<String> messageIds, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        Map<String, Done> done = read(messageIds);
        while (done.size() < messageIds.size() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            done = read(messageIds);
        }
        return done;
    }

    /** Those of these Message-IDs that have a final outcome now, each with its first. */
    Map<String, Done> read(Set<String> messageIds) {
        Map<String, Done> done = new HashMap<>();
        if (messageIds.isEmpty()) {
            return done;
        }
        if (db == null) {
            db = AppProcess.localDatabase(dataDir);
        }
        db.sql("""
                        select distinct on (message_id) message_id, at, outcome from ledger
                        where outcome in ('INDEXED', 'QUARANTINED') and message_id in (:ids)
                        order by message_id, seq
                        """)
                .param("ids", messageIds)
                .query((rs, n) -> done.put(
                        rs.getString("message_id"),
                        new Done(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("outcome"))))
                .list();
        return done;
    }
}
