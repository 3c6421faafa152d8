package cn.dataelements.contest.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A round's award list put on public notice: a row of {@code review_notices}. Dates are calendar days in
 * Asia/Shanghai, both included: a notice of 5 days from 2024-09-02 ends on 2024-09-06.
 */
public record Notice(String round, LocalDate startsOn, LocalDate endsOn, String by, Instant at) {

    /** Whether the notice period is over on this day (Asia/Shanghai). */
    public boolean over(LocalDate today) {
        return today.isAfter(endsOn);
    }
}
