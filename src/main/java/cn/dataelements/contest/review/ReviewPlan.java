package cn.dataelements.contest.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The contest's review rounds as {@code mappings/review.yaml} configures them (guide, section 三): the 初赛 scores the
 * entries that passed the compliance review, the best of each track go to the 决赛, and the 决赛's experts score each
 * finalist on its criteria; the final score is the arithmetic mean of the experts' scores.
 */
public record ReviewPlan(List<Round> rounds) {

    public ReviewPlan {
        rounds = List.copyOf(rounds);
    }

    public Optional<Round> round(String key) {
        return rounds.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * One round.
     *
     * @param key stable key, e.g. {@code preliminary}
     * @param name its Chinese name, e.g. 初赛
     * @param from the round whose advanced entries this one takes, or empty: then it takes every entry that passed the
     *     compliance review
     * @param reviewersPerEntry how many reviewers score each entry
     * @param blind whether reviewers get blind packets (no names, units, contacts or originals)
     * @param advancePerTrack how many entries of each track advance (or, in the last round, are awarded)
     * @param criteria what a reviewer scores, each with its weight and range
     */
    public record Round(
            String key,
            String name,
            String from,
            int reviewersPerEntry,
            boolean blind,
            int advancePerTrack,
            List<Criterion> criteria) {

        public Round {
            from = from == null ? "" : from;
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * A criterion: a reviewer gives it a score between min and max; a reviewer's score for the entry is the weighted
     * mean of their criterion scores.
     */
    public record Criterion(String key, String name, BigDecimal weight, BigDecimal min, BigDecimal max) {

        public boolean accepts(BigDecimal score) {
            return score.compareTo(min) >= 0 && score.compareTo(max) <= 0;
        }
    }
}
