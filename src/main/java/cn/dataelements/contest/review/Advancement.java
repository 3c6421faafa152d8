package cn.dataelements.contest.review;

import java.time.Instant;

/**
 * The organizer's decision that an entry advances from a round (in the last round: is on the award list), or no
 * longer does: a row of {@code review_advancements}, one per round and entry; each change is in the audit log.
 *
 * @param advanced true when it advances or is awarded
 * @param withdrawn true when an award is withdrawn after its public notice (an objection upheld)
 * @param note why, in the organizer's words
 */
public record Advancement(
        String round, String entryId, boolean advanced, boolean withdrawn, String note, String by, Instant at) {}
