package cn.dataelements.contest.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stage deadline ({@code intake.stage.deadline}) within 24 hours, and within 2 hours: each an incident until the
 * deadline passes, saying what still waits for people (undecided blocking findings, entries without a readable form).
 */
final class DeadlineRule implements AlertRule {

    private final Optional<Instant> deadline;
    private final Supplier<String> waiting;

    /**
     * @param deadline the stage's deadline, if it has one
     * @param waiting what still waits, in Chinese, read when an incident holds
     */
    DeadlineRule(Optional<Instant> deadline, Supplier<String> waiting) {
        this.deadline = deadline;
        this.waiting = waiting;
    }

    /** How many entries have no form, or a form file without text. */
    static long entriesWithoutForm(org.springframework.jdbc.core.simple.JdbcClient db) {
        return db.sql("select count(*) from entries where document -> 'problems' @> ?::jsonb"
                        + " or document -> 'problems' @> ?::jsonb")
                .params("[{\"code\":\"FORM_MISSING\"}]", "[{\"code\":\"FORM_UNREADABLE\"}]")
                .query(Long.class)
                .single();
    }

    @Override
    public List<Condition> evaluate(Instant now) {
        List<Condition> holding = new ArrayList<>();
        if (deadline.isEmpty() || !now.isBefore(deadline.get())) {
            return holding;
        }
        Duration left = Duration.between(now, deadline.get());
        String still = null;
        for (int hours : List.of(24, 2)) {
            if (left.compareTo(Duration.ofHours(hours)) <= 0) {
                still = still == null ? waiting.get() : still;
                holding.add(new Condition(
                        "deadline:" + hours + "h",
                        "距本阶段截止不足 " + hours + " 小时",
                        "距截止还有 " + left.toHours() + " 小时 " + left.toMinutesPart() + " 分钟。" + still));
            }
        }
        return holding;
    }
}
