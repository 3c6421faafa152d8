package cn.dataelements.contest.review;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.ReviewerEntries;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.entry.Entries;
import cn.dataelements.contest.entry.Entry;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who reviews which entry in which round, in the database ({@code review_assignments}: one row per round, entry and
 * reviewer, active or not). An assignment is refused, with the reason, when the round is not open, the entry is not in
 * it, the account is not an enabled reviewer, or the reviewer has a conflict of interest with the entry
 * ({@link Conflicts}); the entry is read for the conflict check before the round's transaction, so a slow index never
 * holds up a score.
 */
@Component
public class Assignments implements ReviewerEntries {

    private final JdbcClient db;
    private final Rounds rounds;
    private final AccountStore accounts;
    private final Entries entries;
    private final AuditLog audit;

    Assignments(JdbcClient db, Rounds rounds, AccountStore accounts, Entries entries, AuditLog audit) {
        this.db = db;
        this.rounds = rounds;
        this.accounts = accounts;
        this.entries = entries;
        this.audit = audit;
    }

    /**
     * Assigns the reviewer to the entry in the round.
     *
     * @throws ReviewException with the reason in Chinese when the assignment is refused
     */
    public Assignment assign(String round, String entryId, String reviewer, String who) throws IOException {
        RoundEntry entry = rounds.entry(round, entryId)
                .orElseThrow(
                        () -> new ReviewException("该作品不在" + rounds.round(round).name() + "中。"));
        Account account = reviewer(reviewer);
        List<String> conflicts = Conflicts.between(account, fullEntry(entryId));
        if (!conflicts.isEmpty()) {
            audit.record(who, "review.assign.refused", entryId, reviewer + ": " + String.join("; ", conflicts));
            throw new ReviewException("不能分配给" + account.displayName() + "（" + reviewer + "）评审《" + entry.workTitle()
                    + "》：" + String.join("；", conflicts) + "。");
        }
        return rounds.whileOpen(
                List.of(round), () -> write(new Assignment(round, entryId, reviewer, true, who, Instant.now())));
    }

    public void unassign(String round, String entryId, String reviewer, String who) {
        rounds.whileOpen(
                List.of(round), () -> write(new Assignment(round, entryId, reviewer, false, who, Instant.now())));
    }

    /** The round's active assignments. */
    public List<Assignment> of(String round) {
        return select("where active and round = ?", round);
    }

    /** The active assignments of one reviewer, in every round. */
    public List<Assignment> ofReviewer(String reviewer) {
        return select("where active and reviewer = ?", reviewer);
    }

    public boolean assigned(String round, String entryId, String reviewer) {
        return db.sql(
                        "select exists (select 1 from review_assignments where round = ? and entry_id = ? and reviewer = ?"
                                + " and active)")
                .params(round, entryId, reviewer)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<String> visibleTo(String reviewer) {
        return ofReviewer(reviewer).stream()
                .filter(a -> !rounds.plan()
                        .round(a.round())
                        .map(ReviewPlan.Round::blind)
                        .orElse(true))
                .map(Assignment::entryId)
                .collect(Collectors.toSet());
    }

    /** The round, when it is in the plan and the entry is assigned to the reviewer in it. */
    public Optional<ReviewPlan.Round> roundOf(String round, String entryId, String reviewer) {
        return rounds.plan().round(round).filter(r -> assigned(round, entryId, reviewer));
    }

    /** The enabled accounts that hold the reviewer role. */
    public List<Account> reviewers() {
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.REVIEWER))
                .toList();
    }

    Entry fullEntry(String entryId) throws IOException {
        return entries.find(entryId).orElseThrow(() -> new ReviewException("作品已不在索引中：" + entryId));
    }

    private Account reviewer(String username) {
        return accounts.find(username)
                .filter(a -> a.enabled() && a.roles().contains(Role.REVIEWER))
                .orElseThrow(() -> new ReviewException("“" + username + "”不是可用的评审专家账号。"));
    }

    private List<Assignment> select(String where, String value) {
        return db.sql("select round, entry_id, reviewer, active, assigned_by, assigned_at from review_assignments "
                        + where + " order by round, entry_id, reviewer")
                .param(value)
                .query((rs, n) -> new Assignment(
                        rs.getString("round"),
                        rs.getString("entry_id"),
                        rs.getString("reviewer"),
                        rs.getBoolean("active"),
                        rs.getString("assigned_by"),
                        rs.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    /** Writes the assignment and its audit line, in the transaction of the caller. */
    private Assignment write(Assignment assignment) {
        db.sql("""
                        insert into review_assignments (round, entry_id, reviewer, active, assigned_by, assigned_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (round, entry_id, reviewer) do update
                          set active = excluded.active, assigned_by = excluded.assigned_by,
                              assigned_at = excluded.assigned_at
                        """)
                .params(
                        assignment.round(),
                        assignment.entryId(),
                        assignment.reviewer(),
                        assignment.active(),
                        assignment.by(),
                        Timestamp.from(assignment.at()))
                .update();
        audit.record(
                assignment.by(),
                assignment.active() ? "review.assign" : "review.unassign",
                assignment.entryId(),
                assignment.round() + " " + assignment.reviewer());
        return assignment;
    }
}
