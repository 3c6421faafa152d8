package cn.dataelements.contest.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A reviewer's scores for one entry in one round, a score per criterion and a comment: a row of
 * {@code review_scores}, one per round, entry and reviewer; a correction replaces it and is in the audit log.
 *
 * @param source where it was entered: {@code page}, {@code api} or the score sheet's file name
 */
public record Score(
        String round,
        String entryId,
        String reviewer,
        Map<String, BigDecimal> criteria,
        String comment,
        String source,
        String by,
        Instant at) {

    public Score {
        criteria = Map.copyOf(criteria);
        comment = comment == null ? "" : comment;
    }

    String key() {
        return round + "\u0000" + entryId + "\u0000" + reviewer;
    }
}
