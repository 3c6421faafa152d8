package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which entries advance from each round (or are awarded in the last), as the organizer set it, in the database
 * ({@code review_advancements}). The rules are checked in the statement that writes: an organizer's change applies
 * only to a closed round whose next round has not opened (its entries are frozen from this list), and never to an
 * award the committee withdrew on an upheld objection, however the two race; only the committee gives a withdrawn
 * award back.
 */
@Component
public class Advancements {

    private final ReviewPlan plan;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    Advancements(ReviewPlan plan, JdbcClient db, TransactionTemplate transactions, AuditLog audit) {
        this.plan = plan;
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * The organizer's decision: the entry advances (or not). Refused when the round is not closed or the award was
     * withdrawn.
     *
     * @throws ReviewException with the reason in Chinese
     */
    public void advance(String round, String entryId, boolean advanced, String note, String who) {
        transactions.executeWithoutResult(status -> {
            String state = db.sql("select status from review_rounds where round = ? for share")
                    .param(round)
                    .query(String.class)
                    .optional()
                    .orElse("NOT_OPENED");
            if (!state.equals("CLOSED")) {
                throw new ReviewException("本轮尚未结束，不能确定晋级。");
            }
            List<String> next = plan.rounds().stream()
                    .filter(r -> r.from().equals(round))
                    .map(ReviewPlan.Round::key)
                    .toList();
            for (String key : next) {
                // the next round locks this round's row before it reads who advanced: the two never pass each other
                if (db.sql("select exists (select 1 from review_rounds where round = ?)")
                        .param(key)
                        .query(Boolean.class)
                        .single()) {
                    throw new ReviewException("下一轮已开启，参评作品已按本轮晋级名单固定，晋级不能再改变。");
                }
            }
            int written = db.sql("""
                            insert into review_advancements (round, entry_id, advanced, withdrawn, note, set_by, set_at)
                            values (?, ?, ?, false, ?, ?, ?)
                            on conflict (round, entry_id) do update
                              set advanced = excluded.advanced, note = excluded.note, set_by = excluded.set_by,
                                  set_at = excluded.set_at
                              where not review_advancements.withdrawn
                            """)
                    .params(round, entryId, advanced, note, who, Timestamp.from(Instant.now()))
                    .update();
            if (written == 0) {
                throw new ReviewException("该作品的奖项已因举报成立而撤销，只能由监督委员会改变裁定。");
            }
            audit.record(
                    who,
                    "review.advance",
                    entryId,
                    round + " " + (advanced ? "advanced" : "not advanced") + (note.isEmpty() ? "" : ": " + note));
        });
    }

    /** The committee upheld an objection: the award is withdrawn, whatever the organizer set. */
    public void withdraw(String round, String entryId, String note, String who) {
        committee(round, entryId, false, true, note, who, "review.award.withdraw");
    }

    /** The committee changed an upheld objection to dismissed: the award it withdrew is given back. */
    public void restore(String round, String entryId, String note, String who) {
        committee(round, entryId, true, false, note, who, "review.award.restore");
    }

    private void committee(
            String round, String entryId, boolean advanced, boolean withdrawn, String note, String who, String action) {
        transactions.executeWithoutResult(status -> {
            db.sql("""
                            insert into review_advancements (round, entry_id, advanced, withdrawn, note, set_by, set_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (round, entry_id) do update
                              set advanced = excluded.advanced, withdrawn = excluded.withdrawn, note = excluded.note,
                                  set_by = excluded.set_by, set_at = excluded.set_at
                            """)
                    .params(round, entryId, advanced, withdrawn, note, who, Timestamp.from(Instant.now()))
                    .update();
            audit.record(who, action, entryId, round + ": " + note);
        });
    }

    public Optional<Advancement> of(String round, String entryId) {
        return db.sql("select round, entry_id, advanced, withdrawn, note, set_by, set_at from review_advancements"
                        + " where round = ? and entry_id = ?")
                .params(round, entryId)
                .query((rs, n) -> new Advancement(
                        rs.getString("round"),
                        rs.getString("entry_id"),
                        rs.getBoolean("advanced"),
                        rs.getBoolean("withdrawn"),
                        rs.getString("note"),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    /** The entries whose award in the round was withdrawn on an upheld objection. */
    public List<String> withdrawn(String round) {
        return db.sql("select entry_id from review_advancements where round = ? and withdrawn order by entry_id")
                .param(round)
                .query(String.class)
                .list();
    }

    /** The entries that advance from the round (withdrawn ones do not). */
    public List<String> advanced(String round) {
        return db.sql("select entry_id from review_advancements where round = ? and advanced and not withdrawn"
                        + " order by entry_id")
                .param(round)
                .query(String.class)
                .list();
    }
}
