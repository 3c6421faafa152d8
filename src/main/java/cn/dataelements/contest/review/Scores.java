package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reviewers' scores. A reviewer scores only an entry assigned to them, every criterion of the round within its
 * range, and may correct a score until the round is closed; every version is kept in {@code scores.jsonl}.
 */
@Component
public class Scores {

    private final EventFile<Score> file;
    private final Rounds rounds;
    private final Assignments assignments;
    private final AuditLog audit;
    private final Map<String, Score> latest = new LinkedHashMap<>();

    Scores(ReviewProperties properties, ObjectMapper json, Rounds rounds, Assignments assignments, AuditLog audit) {
        this.file = new EventFile<>(properties.dir().resolve("scores.jsonl"), json, Score.class);
        this.rounds = rounds;
        this.assignments = assignments;
        this.audit = audit;
        file.readAll().forEach(s -> latest.put(s.key(), s));
    }

    /**
     * Records the scores, all or none: every one is checked first.
     *
     * @throws ReviewException naming what is wrong, in Chinese
     */
    public void record(List<Score> scores) {
        // checked and written under the rounds' lock, so that a round closing meanwhile cannot take a late score
        rounds.whileOpen(scores.stream().map(Score::round).distinct().toList(), () -> {
            for (Score score : scores) {
                List<String> problems = problems(score);
                if (!problems.isEmpty()) {
                    throw new ReviewException(String.join("；", problems) + "。");
                }
            }
            synchronized (this) {
                file.appendAll(scores);
                scores.forEach(score -> latest.put(score.key(), score));
            }
            return null;
        });
        for (Score score : scores) {
            audit.record(
                    score.by(),
                    "review.score",
                    score.entryId(),
                    score.round() + " " + score.reviewer() + " " + score.criteria() + " (" + score.source() + ")");
        }
    }

    /** What is wrong with a score before it is taken, in Chinese; empty when it can be taken. */
    public List<String> problems(Score score) {
        rounds.requireOpen(score.round());
        List<String> problems = new ArrayList<>();
        if (!assignments.assigned(score.round(), score.entryId(), score.reviewer())) {
            problems.add("作品 " + score.entryId() + " 没有分配给 " + score.reviewer() + " 评审");
        }
        ReviewPlan.Round round = rounds.round(score.round());
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            BigDecimal value = score.criteria().get(criterion.key());
            if (value == null) {
                problems.add("缺少“" + criterion.name() + "”的评分");
            } else if (!criterion.accepts(value)) {
                problems.add("“" + criterion.name() + "”的评分 " + value.toPlainString() + " 超出范围 "
                        + criterion.min().toPlainString() + "–"
                        + criterion.max().toPlainString());
            }
        }
        score.criteria().keySet().stream()
                .filter(key -> round.criteria().stream().noneMatch(c -> c.key().equals(key)))
                .forEach(key -> problems.add("没有评分项“" + key + "”"));
        return problems;
    }

    /** The latest score of every reviewer and entry in the round. */
    public synchronized List<Score> of(String round) {
        return latest.values().stream().filter(s -> s.round().equals(round)).toList();
    }

    public synchronized Optional<Score> of(String round, String entryId, String reviewer) {
        return Optional.ofNullable(latest.get(round + "\u0000" + entryId + "\u0000" + reviewer));
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
}
