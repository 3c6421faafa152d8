package cn.dataelements.contest.intake.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times as platforms write them; a time without a zone is Beijing time. */
class SourceTimesTest {

    private static final Instant NINE_BEIJING = Instant.parse("2024-08-20T01:00:00Z");

    @Test
    void aLocalTimeIsBeijingTime() {
        assertThat(SourceTimes.parse("2024-08-20 09:00:00")).contains(NINE_BEIJING);
        assertThat(SourceTimes.parse("2024-08-20T09:00:00")).contains(NINE_BEIJING);
        assertThat(SourceTimes.parse("2024/8/20 9:00")).contains(NINE_BEIJING);
        assertThat(SourceTimes.parse("2024年8月20日 09:00")).contains(NINE_BEIJING);
    }

    @Test
    void aTimeWithItsZoneOrAsEpochIsTakenAsItSays() {
        assertThat(SourceTimes.parse("2024-08-20T09:00:00+08:00")).contains(NINE_BEIJING);
        assertThat(SourceTimes.parse("2024-08-20T01:00:00Z")).contains(NINE_BEIJING);
        assertThat(SourceTimes.parse(String.valueOf(NINE_BEIJING.toEpochMilli())))
                .contains(NINE_BEIJING);
        assertThat(SourceTimes.parse(String.valueOf(NINE_BEIJING.getEpochSecond())))
                .contains(NINE_BEIJING);
    }

    @Test
    void aDateIsItsMidnightInBeijingAndTextIsNoTime() {
        assertThat(SourceTimes.parse("2024-08-20")).contains(Instant.parse("2024-08-19T16:00:00Z"));
        assertThat(SourceTimes.parse("八月二十日")).isEmpty();
        assertThat(SourceTimes.parse(" ")).isEmpty();
    }
}
