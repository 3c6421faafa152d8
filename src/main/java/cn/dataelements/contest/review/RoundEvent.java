package cn.dataelements.contest.review;

import java.time.Instant;
import java.util.List;

/**
 * A round opened (with the entries it froze) or closed: a line of {@code rounds.jsonl}.
 *
 * @param round the round's key
 * @param action OPENED or CLOSED
 * @param entries the frozen entries (OPENED only)
 * @param by who
 * @param at when (UTC)
 */
public record RoundEvent(String round, String action, List<RoundEntry> entries, String by, Instant at) {

    public RoundEvent {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
