package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rounds of {@code mappings/review.yaml} and where each stands: not opened, open (its entries frozen, each with a
 * code drawn at random: {@link RoundCodes}), closed (no score changes any more). Kept in the database ({@code review_rounds}, {@code review_round_entries}); a change to a
 * round's scores or assignments runs in a transaction that holds the round's row ({@link #whileOpen}), so a round
 * cannot close between the check and the write, on this instance or another.
 */
@Component
public class Rounds {

    /** Where a round stands. */
    public enum Status {
        NOT_OPENED,
        OPEN,
        CLOSED
    }

    private final ReviewPlan plan;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final EligibleEntries eligible;
    private final Advancements advancements;
    private final AuditLog audit;

    Rounds(
            ReviewPlan plan,
            JdbcClient db,
            TransactionTemplate transactions,
            EligibleEntries eligible,
            Advancements advancements,
            AuditLog audit) {
        this.plan = plan;
        this.db = db;
        this.transactions = transactions;
        this.eligible = eligible;
        this.advancements = advancements;
        this.audit = audit;
    }

    public ReviewPlan plan() {
        return plan;
    }

    public ReviewPlan.Round round(String key) {
        return plan.round(key).orElseThrow(() -> new UnknownRoundException(key));
    }

    public Status status(String key) {
        return db.sql("select status from review_rounds where round = ?")
                .param(key)
                .query(String.class)
                .optional()
                .map(Status::valueOf)
                .orElse(Status.NOT_OPENED);
    }

    /** The round's frozen entries, or none before it opened. */
    public List<RoundEntry> entries(String key) {
        return db.sql("select entry_id, code, work_title, track, track_name from review_round_entries where round = ?"
                        + " order by track, entry_id")
                .param(key)
                .query((rs, n) -> roundEntry(key, rs))
                .list();
    }

    public Optional<RoundEntry> entry(String key, String entryId) {
        return db.sql("select entry_id, code, work_title, track, track_name from review_round_entries"
                        + " where round = ? and entry_id = ?")
                .params(key, entryId)
                .query((rs, n) -> roundEntry(key, rs))
                .optional();
    }

    /** The round's entry with this code, as people write it (初赛-A017 or A017). */
    public Optional<RoundEntry> byCode(String key, String code) {
        return db.sql("select entry_id, code, work_title, track, track_name from review_round_entries"
                        + " where round = ? and code = ?")
                .params(key, RoundCodes.parse(code))
                .query((rs, n) -> roundEntry(key, rs))
                .optional();
    }

    private RoundEntry roundEntry(String key, ResultSet rs) throws SQLException {
        return new RoundEntry(
                rs.getString("entry_id"),
                shownCode(key, rs),
                rs.getString("work_title"),
                rs.getInt("track"),
                rs.getString("track_name"));
    }

    /**
     * Opens a round: freezes its entries (those that passed the compliance review, or those the round before
     * advanced). A round opens once.
     */
    public List<RoundEntry> open(String key, String who) throws IOException {
        ReviewPlan.Round round = round(key);
        requireNotOpened(round);
        // read outside the transaction (it pages through the index), checked again when it is written
        List<RoundEntry> entries = candidates(round);
        if (entries.isEmpty()) {
            // a round opens once: opened now, it would stay empty for good
            throw new ReviewException(round.name() + "暂时没有可参评的作品（须通过合规性审查：没有未处理的阻断问题，" + "或监督委员会已驳回），本轮未开启。");
        }
        transactions.executeWithoutResult(status -> {
            if (!round.from().isEmpty()) {
                // holds the round before while this one freezes its list: no advancement changes in between
                db.sql("select status from review_rounds where round = ? for update")
                        .param(round.from())
                        .query(String.class)
                        .optional();
                if (!Set.copyOf(advancements.advanced(round.from()))
                        .equals(entries.stream().map(RoundEntry::entryId).collect(Collectors.toSet()))) {
                    throw new ReviewException(round(round.from()).name() + "的晋级名单刚刚改变，请刷新后重新开启" + round.name() + "。");
                }
            }
            int opened =
                    db.sql("""
                            insert into review_rounds (round, status, opened_by, opened_at) values (?, 'OPEN', ?, ?)
                            on conflict (round) do nothing
                            """).params(key, who, Timestamp.from(Instant.now())).update();
            if (opened == 0) {
                throw new ReviewException(round.name() + "已经开启过，参赛作品在开启时已固定。");
            }
            List<String> codes = RoundCodes.draw(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                RoundEntry entry = entries.get(i);
                db.sql("insert into review_round_entries (round, entry_id, code, work_title, track, track_name)"
                                + " values (?, ?, ?, ?, ?, ?)")
                        .params(key, entry.entryId(), codes.get(i), entry.workTitle(), entry.track(), entry.trackName())
                        .update();
            }
            audit.record(who, "review.round.open", key, entries.size() + " entries");
        });
        return entries;
    }

    private void requireNotOpened(ReviewPlan.Round round) {
        if (status(round.key()) != Status.NOT_OPENED) {
            throw new ReviewException(round.name() + "已经开启过，参赛作品在开启时已固定。");
        }
    }

    private List<RoundEntry> candidates(ReviewPlan.Round round) throws IOException {
        if (round.from().isEmpty()) {
            return eligible.passedCompliance();
        }
        if (status(round.from()) != Status.CLOSED) {
            throw new ReviewException("请先结束" + round(round.from()).name() + "，再开启" + round.name() + "。");
        }
        List<String> advanced = advancements.advanced(round.from());
        return entries(round.from()).stream()
                .filter(e -> advanced.contains(e.entryId()))
                .toList();
    }

    /**
     * Closes a round: no score changes after. Every active assignment must be scored, or have a reason in
     * {@code reasons} (by {@link MissingScore#key}); the reasons are kept with the round.
     *
     * @throws RoundIncompleteException naming every missing score when one has no reason
     */
    public void close(String key, String who, Map<String, String> reasons) {
        ReviewPlan.Round round = round(key);
        transactions.executeWithoutResult(status -> {
            // held until commit: no score or assignment of this round changes while it closes
            String state = db.sql("select status from review_rounds where round = ? for update")
                    .param(key)
                    .query(String.class)
                    .optional()
                    .orElse(Status.NOT_OPENED.name());
            if (!state.equals(Status.OPEN.name())) {
                throw new ReviewException(round.name() + "没有在进行中，不能结束。");
            }
            List<MissingScore> missing = missing(key);
            if (missing.stream().anyMatch(m -> reasons.getOrDefault(m.key(), "").isBlank())) {
                throw new RoundIncompleteException(round.name(), missing);
            }
            Timestamp now = Timestamp.from(Instant.now());
            for (MissingScore m : missing) {
                db.sql("insert into review_missing_scores (round, entry_id, reviewer, reason, recorded_by, recorded_at)"
                                + " values (?, ?, ?, ?, ?, ?)")
                        .params(
                                key,
                                m.entryId(),
                                m.reviewer(),
                                reasons.get(m.key()).strip(),
                                who,
                                now)
                        .update();
            }
            db.sql("update review_rounds set status = 'CLOSED', closed_by = ?, closed_at = ? where round = ?")
                    .params(who, now, key)
                    .update();
            audit.record(
                    who,
                    "review.round.close",
                    key,
                    missing.isEmpty() ? "all scored" : missing.size() + " scores missing, each with a reason");
        });
    }

    /**
     * The scores the round lacks: each active assignment without a score, by track and code; once closed, those it
     * closed without, with their reasons.
     */
    public List<MissingScore> missing(String key) {
        if (status(key) == Status.CLOSED) {
            return db.sql("""
                            select m.entry_id, e.code, m.reviewer, m.reason from review_missing_scores m
                            join review_round_entries e on e.round = m.round and e.entry_id = m.entry_id
                            where m.round = ? order by e.track, e.code, m.reviewer
                            """)
                    .param(key)
                    .query((rs, n) -> missingScore(key, rs))
                    .list();
        }
        return db.sql("""
                        select a.entry_id, e.code, a.reviewer, '' as reason from review_assignments a
                        join review_round_entries e on e.round = a.round and e.entry_id = a.entry_id
                        where a.round = ? and a.active and not exists (
                          select 1 from review_scores s
                          where s.round = a.round and s.entry_id = a.entry_id and s.reviewer = a.reviewer)
                        order by e.track, e.code, a.reviewer
                        """).param(key).query((rs, n) -> missingScore(key, rs)).list();
    }

    /** The row's code as people read it, after the round's name. */
    private String shownCode(String key, ResultSet rs) throws SQLException {
        return RoundCodes.shown(plan.round(key).map(ReviewPlan.Round::name).orElse(key), rs.getString("code"));
    }

    private MissingScore missingScore(String key, ResultSet rs) throws SQLException {
        return new MissingScore(
                rs.getString("entry_id"), shownCode(key, rs), rs.getString("reviewer"), rs.getString("reason"));
    }

    /**
     * Runs a change to the rounds' scores or assignments in one transaction that holds their rows (shared: changes
     * run side by side, a closing waits), after checking that each is open: a round cannot close between the check and
     * the write.
     */
    <T> T whileOpen(List<String> keys, Supplier<T> change) {
        return transactions.execute(status -> {
            for (String key : keys.stream().sorted().distinct().toList()) {
                String state = db.sql("select status from review_rounds where round = ? for share")
                        .param(key)
                        .query(String.class)
                        .optional()
                        .orElse(Status.NOT_OPENED.name());
                requireOpen(key, Status.valueOf(state));
            }
            return change.get();
        });
    }

    /** Refuses a change to a round's scores or assignments unless it is open. */
    void requireOpen(String key) {
        requireOpen(key, status(key));
    }

    private void requireOpen(String key, Status status) {
        if (status != Status.OPEN) {
            throw new ReviewException(round(key).name() + (status == Status.CLOSED ? "已结束，不能再修改。" : "尚未开启。"));
        }
    }
}
