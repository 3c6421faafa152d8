package cn.dataelements.contest.review;

import java.time.Instant;

/**
 * A reviewer assigned to (or, with {@code active} false, taken off) an entry in a round: a line of
 * {@code assignments.jsonl}; the latest line per round, entry and reviewer holds.
 */
public record Assignment(String round, String entryId, String reviewer, boolean active, String by, Instant at) {

    String key() {
        return round + "\u0000" + entryId + "\u0000" + reviewer;
    }
}
