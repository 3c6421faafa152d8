package cn.dataelements.contest.account;

import cn.dataelements.contest.support.TestDatabase;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log for tests outside the package, without the app. */
public final class AuditLogs {

    private AuditLogs() {}

    public static AuditLog of(TestDatabase database) {
        return new AuditLog(database.jdbc(), database.transactions());
    }

    /** The actions recorded, oldest first. */
    public static List<String> actions(JdbcClient db) {
        return db.sql("select action from audit_log order by id")
                .query(String.class)
                .list();
    }
}
