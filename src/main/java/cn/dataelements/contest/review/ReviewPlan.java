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
     * @param roadshow scored live (决赛路演): an organizer moves a "now presenting" pointer through the finalists and
     *     the experts score the team presenting on their tablets
     */
    public record Round(
            String key,
            String name,
            String from,
            int reviewersPerEntry,
            boolean blind,
            int advancePerTrack,
            List<Criterion> criteria,
            boolean roadshow) {

        public Round {
            from = from == null ? "" : from;
            criteria = List.copyOf(criteria);
        }

        /** A round scored from packets, not live. */
        public Round(
                String key,
                String name,
                String from,
                int reviewersPerEntry,
                boolean blind,
                int advancePerTrack,
                List<Criterion> criteria) {
            this(key, name, from, reviewersPerEntry, blind, advancePerTrack, criteria, false);
        }
    }

    /**
     * A criterion: a reviewer gives it a score between min and max; a reviewer's score for the entry is the weighted
     * mean of their criterion scores.
     */
    public record Criterion(String key, String name, BigDecimal weight, BigDecimal min, BigDecimal max) {

        /** Scores keep at most this many digits after the point. */
        public static final int FRACTION_DIGITS = 2;

        public boolean accepts(BigDecimal score) {
            return problem(score).isEmpty();
        }

        /**
         * What is wrong with this score for this criterion, in Chinese, without the criterion's name (the caller says
         * where the score was); empty when it can be taken. Checked without
         * ever writing the number out in full: {@code 1e999999999} or {@code 1e-999999999} (JSON allows either) would
         * be a billion characters.
         */
        public Optional<String> problem(BigDecimal score) {
            if (score.stripTrailingZeros().scale() > FRACTION_DIGITS) {
                return Optional.of("小数超过两位");
            }
            if (score.compareTo(min) < 0 || score.compareTo(max) > 0) {
                return Optional.of(shown(score) + " 超出范围 " + min.toPlainString() + "–" + max.toPlainString());
            }
            return Optional.empty();
        }

        /** The score as a person wrote it, or in scientific notation when that would be long. */
        private static String shown(BigDecimal score) {
            return score.precision() - score.scale() > 12 ? score.toString() : score.toPlainString();
        }
    }
}
