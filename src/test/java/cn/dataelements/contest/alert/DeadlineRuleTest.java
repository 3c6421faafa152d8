package cn.dataelements.contest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deadline rule against a clock the test sets: 24 hours before, 2 hours before, after. */
class DeadlineRuleTest {

    private static final Instant DEADLINE = Instant.parse("2024-08-15T09:00:00Z");
    private final DeadlineRule rule =
            new DeadlineRule(Optional.of(DEADLINE), () -> "仍待处理：有未裁定阻断问题的作品 3 件；没有可读申报书的作品 2 件。");

    @Test
    void itSaysTheDeadlineIsNearAndWhatStillWaits() {
        assertThat(rule.evaluate(DEADLINE.minusSeconds(25 * 3600))).isEmpty();

        assertThat(rule.evaluate(DEADLINE.minusSeconds(23 * 3600)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.key()).isEqualTo("deadline:24h");
                    assertThat(c.title()).isEqualTo("距本阶段截止不足 24 小时");
                    assertThat(c.detail())
                            .contains("距截止还有 23 小时 0 分钟")
                            .contains("未裁定阻断问题的作品 3 件")
                            .contains("没有可读申报书的作品 2 件");
                });
        assertThat(rule.evaluate(DEADLINE.minusSeconds(90 * 60)))
                .extracting(AlertRule.Condition::key)
                .containsExactly("deadline:24h", "deadline:2h");
        assertThat(rule.evaluate(DEADLINE)).as("over once it passed").isEmpty();
    }

    @Test
    void entriesWithoutAReadableFormAreCounted() {
        var db = cn.dataelements.contest.support.TestDatabase.fresh();
        String insert = "insert into entries (id, team_key, document, updated_at) values (?, '', ?::jsonb, now())";
        db.jdbc()
                .sql(insert)
                .params("a", "{\"problems\":[{\"code\":\"FORM_MISSING\"}]}")
                .update();
        db.jdbc()
                .sql(insert)
                .params("b", "{\"problems\":[{\"code\":\"FORM_UNREADABLE\",\"location\":\"x.docx\"}]}")
                .update();
        db.jdbc()
                .sql(insert)
                .params("c", "{\"problems\":[{\"code\":\"FORM_SECTION_MISSING\"}]}")
                .update();

        assertThat(DeadlineRule.entriesWithoutForm(db.jdbc())).isEqualTo(2);
    }

    @Test
    void aStageWithoutADeadlineSaysNothing() {
        assertThat(new DeadlineRule(Optional.empty(), () -> "").evaluate(DEADLINE))
                .isEmpty();
    }
}
