package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reviewers' scores, in the database ({@code review_scores}: one per round, entry and reviewer). A reviewer scores
 * only an entry assigned to them, every criterion of the round within its range, and may correct a score until the
 * round is closed; each score and correction is in the audit log, written in the same transaction.
 */
@Component
public class Scores {

    private static final TypeReference<Map<String, BigDecimal>> CRITERIA = new TypeReference<>() {};

    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 2000;

    private final JdbcClient db;
    private final ObjectMapper json;
    private final Rounds rounds;
    private final Assignments assignments;
    private final AuditLog audit;

    Scores(JdbcClient db, ObjectMapper json, Rounds rounds, Assignments assignments, AuditLog audit) {
        this.db = db;
        this.json = json;
        this.rounds = rounds;
        this.assignments = assignments;
        this.audit = audit;
    }

    /**
     * Records the scores, all or none: every one is checked first, and all are written in the transaction that holds
     * their rounds open.
     *
     * @throws ReviewException naming what is wrong, in Chinese
     */
    public void record(List<Score> scores) {
        record(scores, null);
    }

    /**
     * Records the scores an organizer entered from a reviewer's paper sheet (代录), all or none, with the signed scan
     * they were read from.
     *
     * @param scan the scan as kept, or null for a reviewer's own scores
     */
    public void record(List<Score> scores, ProxyScans.Scan scan) {
        for (Score score : scores) {
            if (!score.by().equals(score.reviewer()) && scan == null) {
                throw new ReviewException("代录评审专家的评分，须同时上传其签字的纸质评分表扫描件。");
            }
        }
        rounds.whileOpen(scores.stream().map(Score::round).distinct().toList(), () -> {
            for (Score score : scores) {
                List<String> invalid = inputProblems(score);
                if (!invalid.isEmpty()) {
                    throw new InvalidScoreException(String.join("；", invalid) + "。");
                }
                List<String> problems = problems(score);
                if (!problems.isEmpty()) {
                    throw new ReviewException(String.join("；", problems) + "。");
                }
            }
            scores.forEach(score -> write(score, scan));
            return null;
        });
    }

    /** What is wrong with a score before it is taken, in Chinese; empty when it can be taken. */
    public List<String> problems(Score score) {
        rounds.requireOpen(score.round());
        List<String> problems = new ArrayList<>();
        if (!assignments.assigned(score.round(), score.entryId(), score.reviewer())) {
            problems.add("作品 " + score.entryId() + " 没有分配给 " + score.reviewer() + " 评审");
        }
        problems.addAll(inputProblems(score));
        return problems;
    }

    /** What is wrong with the score's own values (criteria, comment), whoever gives it and wherever. */
    private List<String> inputProblems(Score score) {
        List<String> problems = new ArrayList<>();
        ReviewPlan.Round round = rounds.round(score.round());
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            BigDecimal value = score.criteria().get(criterion.key());
            if (value == null) {
                problems.add("缺少“" + criterion.name() + "”的评分");
            } else {
                criterion.problem(value).ifPresent(p -> problems.add("“" + criterion.name() + "”的评分 " + p));
            }
        }
        score.criteria().keySet().stream()
                .filter(key -> round.criteria().stream().noneMatch(c -> c.key().equals(key)))
                .forEach(key -> problems.add("没有评分项“" + key + "”"));
        commentProblem(score.comment()).ifPresent(problems::add);
        return problems;
    }

    /** A comment longer than {@value #MAX_COMMENT} characters, with its length. */
    static Optional<String> commentProblem(String comment) {
        int length = comment == null ? 0 : comment.codePointCount(0, comment.length());
        return length > MAX_COMMENT ? Optional.of("评语最多 " + MAX_COMMENT + " 字，这条有 " + length + " 字") : Optional.empty();
    }

    /** The score of every reviewer and entry in the round. */
    public List<Score> of(String round) {
        return select("where round = ?", round);
    }

    public Optional<Score> of(String round, String entryId, String reviewer) {
        return select("where round = ? and entry_id = ? and reviewer = ?", round, entryId, reviewer).stream()
                .findFirst();
    }

    static Score score(
            String round,
            String entryId,
            String reviewer,
            Map<String, BigDecimal> criteria,
            String comment,
            String source,
            String by) {
        return new Score(round, entryId, reviewer, criteria, comment, source, by, Instant.now());
    }

    private void write(Score score, ProxyScans.Scan scan) {
        db.sql("""
                        insert into review_scores (round, entry_id, reviewer, criteria, comment, source, recorded_by,
                          recorded_at, proxy_scan, proxy_scan_name)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                        on conflict (round, entry_id, reviewer) do update
                          set criteria = excluded.criteria, comment = excluded.comment, source = excluded.source,
                              recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
                              proxy_scan = excluded.proxy_scan, proxy_scan_name = excluded.proxy_scan_name
                        """)
                .params(
                        score.round(),
                        score.entryId(),
                        score.reviewer(),
                        write(score.criteria()),
                        score.comment(),
                        score.source(),
                        score.by(),
                        Timestamp.from(score.at()),
                        scan == null ? null : scan.sha256(),
                        scan == null ? null : scan.name())
                .update();
        audit.record(
                score.by(),
                scan == null ? "review.score" : "review.score.proxy",
                score.entryId(),
                score.round() + " " + score.reviewer() + " " + score.criteria() + " (" + score.source()
                        + (scan == null ? "" : ", 代录, scan " + scan.sha256()) + ")");
    }

    private List<Score> select(String where, Object... values) {
        return db.sql("select round, entry_id, reviewer, criteria, comment, source, recorded_by, recorded_at"
                        + " from review_scores " + where + " order by round, entry_id, reviewer")
                .params(values)
                .query((rs, n) -> new Score(
                        rs.getString("round"),
                        rs.getString("entry_id"),
                        rs.getString("reviewer"),
                        read(rs.getString("criteria")),
                        rs.getString("comment"),
                        rs.getString("source"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private String write(Map<String, BigDecimal> criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Scores are always JSON", e);
        }
    }

    private Map<String, BigDecimal> read(String criteria) {
        try {
            return json.readValue(criteria, CRITERIA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A score in the database does not read back", e);
        }
    }
}
