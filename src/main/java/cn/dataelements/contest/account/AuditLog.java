package cn.dataelements.contest.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who viewed, exported, decided or changed what, in the database ({@code audit_log}), appended and never updated. An
 * event is written in the transaction of the change it records, when there is one: the change and its record commit
 * together or not at all. An event that cannot be written fails the action that caused it, so nothing is done
 * unrecorded. Each row carries the hash of the row before and its own ({@link AuditChain}); rows are appended one at a
 * time (a transaction-scoped advisory lock), so the chain follows the ids, and {@link #verify} names the first row
 * that breaks it.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** The advisory lock that makes appends one at a time: "audit" in ASCII. */
    private static final long APPEND_LOCK = 0x6175646974L;

    private final JdbcClient db;
    private final TransactionTemplate transactions;

    AuditLog(JdbcClient db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * What a check of the chain found.
     *
     * @param rows the rows checked
     * @param broken the first row whose hash does not follow from the row before and its own fields, with its id
     * @param head the last row's hash: written down elsewhere, it proves later that nothing before it changed
     */
    public record Verification(long rows, Optional<Broken> broken, String head) {

        public boolean intact() {
            return broken.isEmpty();
        }
    }

    /** A row that breaks the chain: edited, or the first after a row deleted or inserted. */
    public record Broken(long id, AuditEvent event) {}

    public void record(String who, String action, String target, String detail) {
        // joins the change's transaction when there is one: the lock is held until it commits
        transactions.executeWithoutResult(status -> {
            db.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleValue();
            String previous = db.sql("select hash from audit_log order by id desc limit 1")
                    .query(String.class)
                    .optional()
                    .orElse("");
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String t = target == null ? "" : target;
            String d = detail == null ? "" : detail;
            db.sql("insert into audit_log (at, who, action, target, detail, hash) values (?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(at), who, action, t, d, AuditChain.hash(previous, at, who, action, t, d))
                    .update();
        });
        log.debug("audit: {} {} {}", who, action, target);
    }

    /** The latest events, newest first, at most {@code limit}. */
    public List<AuditEvent> latest(int limit) {
        return find(new Filter("", "", "", null, null), limit);
    }

    /**
     * Which events to list; an empty text or a null time leaves its part open.
     *
     * @param who the user, exactly
     * @param action the action's code, exactly
     * @param target a part of the target (an entry's id, a user name)
     * @param from at or after
     * @param to before
     */
    public record Filter(String who, String action, String target, Instant from, Instant to) {}

    /** The latest events the filter lets through, newest first, at most {@code limit}. */
    public List<AuditEvent> find(Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new java.util.ArrayList<>();
        if (!filter.who().isBlank()) {
            where.append(" and who = ?");
            params.add(filter.who().strip());
        }
        if (!filter.action().isBlank()) {
            where.append(" and action = ?");
            params.add(filter.action().strip());
        }
        if (!filter.target().isBlank()) {
            where.append(" and strpos(target, ?) > 0");
            params.add(filter.target().strip());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        params.add(limit);
        return db.sql("select at, who, action, target, detail from audit_log" + where + " order by id desc limit ?")
                .params(params)
                .query((rs, n) -> event(rs))
                .list();
    }

    /** The actions the log holds, by code: what a filter can choose from. */
    public List<String> actions() {
        return db.sql("select distinct action from audit_log order by action")
                .query(String.class)
                .list();
    }

    /** Checks the whole chain, row by row in the order written. */
    public Verification verify() {
        long[] rows = {0};
        String[] previous = {""};
        Broken[] broken = {null};
        db.sql("select id, at, who, action, target, detail, hash from audit_log order by id")
                .query((ResultSet rs) -> {
                    rows[0]++;
                    AuditEvent event = event(rs);
                    String expected = AuditChain.hash(
                            previous[0], event.at(), event.who(), event.action(), event.target(), event.detail());
                    if (broken[0] == null && !expected.equals(rs.getString("hash"))) {
                        broken[0] = new Broken(rs.getLong("id"), event);
                    }
                    // the next row is checked against the hash this one carries, so only the row that broke is named
                    previous[0] = rs.getString("hash");
                });
        return new Verification(rows[0], Optional.ofNullable(broken[0]), previous[0]);
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getTimestamp("at").toInstant(),
                rs.getString("who"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("detail"));
    }
}
