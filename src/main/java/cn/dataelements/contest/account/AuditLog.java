package cn.dataelements.contest.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who viewed, exported, decided or changed what, in the database ({@code audit_log}), appended and never updated. An
 * event is written in the transaction of the change it records, when there is one: the change and its record commit
 * together or not at all. An event that cannot be written fails the action that caused it, so nothing is done
 * unrecorded.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient db;

    AuditLog(JdbcClient db) {
        this.db = db;
    }

    public void record(String who, String action, String target, String detail) {
        db.sql("insert into audit_log (at, who, action, target, detail) values (?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(Instant.now()),
                        who,
                        action,
                        target == null ? "" : target,
                        detail == null ? "" : detail)
                .update();
        log.debug("audit: {} {} {}", who, action, target);
    }

    /** The latest events, newest first, at most {@code limit}. */
    public List<AuditEvent> latest(int limit) {
        return db.sql("select at, who, action, target, detail from audit_log order by at desc, id desc limit ?")
                .param(limit)
                .query((rs, n) -> new AuditEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("who"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")))
                .list();
    }
}
