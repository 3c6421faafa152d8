package cn.dataelements.contest.compliance;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The committee's decisions, in the database ({@code decisions}: the latest decision on a finding stands; each is in the
 * audit log). Nothing derived from the archive touches them, so rebuilds and re-runs keep every decision.
 */
@Component
public class DecisionStore {

    private final JdbcClient db;

    DecisionStore(JdbcClient db) {
        this.db = db;
    }

    public void record(Decision decision) {
        db.sql("""
                        insert into decisions (entry_id, code, evidence_key, verdict, reason, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (entry_id, code, evidence_key) do update
                          set verdict = excluded.verdict, reason = excluded.reason, decided_by = excluded.decided_by,
                              decided_at = excluded.decided_at
                        """)
                .params(
                        decision.entryId(),
                        decision.code(),
                        decision.evidenceKey(),
                        decision.verdict(),
                        decision.reason(),
                        decision.by(),
                        Timestamp.from(decision.at()))
                .update();
    }

    /** Every decision in force on the entry, by finding code and evidence key joined by a NUL. */
    Map<String, Decision> of(String entryId) {
        Map<String, Decision> decided = new HashMap<>();
        db.sql("select entry_id, code, evidence_key, verdict, reason, decided_by, decided_at from decisions"
                        + " where entry_id = ?")
                .param(entryId)
                .query(DecisionStore::decision)
                .list()
                .forEach(d -> decided.put(d.code() + "\u0000" + d.evidenceKey(), d));
        return decided;
    }

    private static Decision decision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Decision(
                rs.getString("entry_id"),
                rs.getString("code"),
                rs.getString("evidence_key"),
                rs.getString("verdict"),
                rs.getString("reason"),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant());
    }
}
