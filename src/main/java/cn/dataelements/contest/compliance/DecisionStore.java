package cn.dataelements.contest.compliance;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The committee's decisions, in the database ({@code decisions}: the latest decision on a finding stands; each is in the
 * audit log). Nothing derived from the archive touches them, so rebuilds and re-runs keep every decision.
 */
@Component
public class DecisionStore {

    private final JdbcClient db;
    private final AtomicLong revision = new AtomicLong();

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
        revision.incrementAndGet();
    }

    /** Goes up with every decision recorded here: a check that saw an older value may have missed one. */
    long revision() {
        return revision.get();
    }

    public Optional<Decision> on(String entryId, Finding finding) {
        return db.sql("select entry_id, code, evidence_key, verdict, reason, decided_by, decided_at from decisions"
                        + " where entry_id = ? and code = ? and evidence_key = ?")
                .params(entryId, finding.code(), Decision.evidenceKey(finding.evidence()))
                .query((rs, n) -> new Decision(
                        rs.getString("entry_id"),
                        rs.getString("code"),
                        rs.getString("evidence_key"),
                        rs.getString("verdict"),
                        rs.getString("reason"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()))
                .optional();
    }
}
