package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CriterionTest {

    private final ReviewPlan.Criterion technique =
            new ReviewPlan.Criterion("technique", "技术水平", BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));

    @Test
    void aScoreWithinTheRangeAndTwoDecimalsIsTaken() {
        assertThat(technique.problem(new BigDecimal("88.50"))).isEmpty();
        assertThat(technique.problem(new BigDecimal("100"))).isEmpty();
        assertThat(technique.problem(new BigDecimal("0"))).isEmpty();
        // 100.0 read from a spreadsheet's number, its trailing zero stripped
        assertThat(technique.problem(new BigDecimal("100.0").stripTrailingZeros()))
                .isEmpty();
    }

    @Test
    void moreThanTwoDecimalsOrOutOfTheRangeIsRefusedWithTheReason() {
        assertThat(technique.problem(new BigDecimal("88.125"))).contains("小数超过两位");
        assertThat(technique.problem(new BigDecimal("120"))).contains("120 超出范围 0–100");
        assertThat(technique.problem(new BigDecimal("-0.5"))).contains("-0.5 超出范围 0–100");
    }

    @Test
    void numbersWithHugeExponentsAreRefusedWithoutBeingWrittenOut() {
        // JSON allows both; written out in full, each is a billion characters
        assertThat(technique.problem(new BigDecimal("1e999999999"))).contains("1E+999999999 超出范围 0–100");
        assertThat(technique.problem(new BigDecimal("1e-999999999"))).contains("小数超过两位");
    }
}
