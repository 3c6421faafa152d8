package cn.dataelements.contest.review;

import java.time.Instant;

/**
 * A reviewer assigned to (or, with {@code active} false, taken off) an entry in a round: a row of
 * {@code review_assignments}, one per round, entry and reviewer.
 */
public record Assignment(String round, String entryId, String reviewer, boolean active, String by, Instant at) {

    String key() {
        return round + "\u0000" + entryId + "\u0000" + reviewer;
    }
}
