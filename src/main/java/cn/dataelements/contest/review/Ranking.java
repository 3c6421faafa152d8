package cn.dataelements.contest.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A round's ranking per track. A reviewer's score for an entry is the weighted mean of their criterion scores; the
 * entry's score is the arithmetic mean of its assigned reviewers' scores, rounded to two decimals half up only at the
 * end (BigDecimal throughout). The spread is the highest reviewer score minus the lowest. Entries with equal rounded
 * means share a rank and are marked tied; an entry without any score has no mean and ranks last. The top
 * {@code advancePerTrack} are proposed; a tie across that line is said, for the organizer to settle.
 */
public final class Ranking {

    private static final int WORKING_SCALE = 10;

    /** One track's ranked entries. */
    public record Track(int number, String name, List<Row> rows, boolean tieAtCutoff) {}

    /**
     * One entry's line.
     *
     * @param mean the entry's score (two decimals), or null without any score
     * @param spread highest minus lowest reviewer score (two decimals), or null with fewer than two scores
     * @param reviewerScores each reviewer's weighted score (two decimals), by user name
     * @param missing the assigned reviewers who have not scored
     * @param rank 1 for the best; tied entries share it; 0 for an entry nobody has scored, which has no rank
     * @param tied another entry of the track has the same rounded mean
     * @param proposed within the top {@code advancePerTrack} of the entries whose award was not withdrawn; never a
     *     withdrawn one, which leaves its place to the next
     * @param advanced the organizer's decision
     * @param withdrawn its award was withdrawn on an upheld objection
     * @param proxied the reviewers whose score an organizer entered from their signed paper sheet (代录)
     */
    public record Row(
            RoundEntry entry,
            BigDecimal mean,
            BigDecimal spread,
            Map<String, BigDecimal> reviewerScores,
            List<String> missing,
            int rank,
            boolean tied,
            boolean proposed,
            boolean advanced,
            boolean withdrawn,
            List<String> proxied) {}

    private Ranking() {}

    public static List<Track> of(
            ReviewPlan.Round round,
            List<RoundEntry> entries,
            List<Assignment> assignments,
            List<Score> scores,
            Set<String> advanced,
            Set<String> withdrawn) {
        Map<Integer, List<Row>> byTrack = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        for (RoundEntry entry : entries) {
            names.put(entry.track(), entry.trackName());
            byTrack.computeIfAbsent(entry.track(), t -> new ArrayList<>())
                    .add(unranked(
                            round,
                            entry,
                            assignments,
                            scores,
                            advanced.contains(entry.entryId()),
                            withdrawn.contains(entry.entryId())));
        }
        List<Track> tracks = new ArrayList<>();
        byTrack.forEach((number, rows) -> tracks.add(ranked(number, names.get(number), rows, round)));
        return tracks;
    }

    /** A reviewer's score for an entry: the weighted mean of the criterion scores, at working precision. */
    public static BigDecimal weighted(ReviewPlan.Round round, Map<String, BigDecimal> criteria) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            sum = sum.add(criterion.weight().multiply(criteria.get(criterion.key())));
            weights = weights.add(criterion.weight());
        }
        return sum.divide(weights, WORKING_SCALE, RoundingMode.HALF_UP);
    }

    /** A score given before a criterion was added to the round lacks it: it counts as not given. */
    private static boolean complete(ReviewPlan.Round round, Score score) {
        return round.criteria().stream().allMatch(c -> score.criteria().get(c.key()) != null);
    }

    private static Row unranked(
            ReviewPlan.Round round,
            RoundEntry entry,
            List<Assignment> assignments,
            List<Score> scores,
            boolean advanced,
            boolean withdrawn) {
        Map<String, BigDecimal> byReviewer = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> proxied = new ArrayList<>();
        assignments.stream()
                .filter(a -> a.entryId().equals(entry.entryId()))
                .map(Assignment::reviewer)
                .sorted()
                .forEach(reviewer -> scores.stream()
                        .filter(s -> s.entryId().equals(entry.entryId())
                                && s.reviewer().equals(reviewer))
                        .findFirst()
                        .filter(s -> complete(round, s))
                        .ifPresentOrElse(
                                s -> {
                                    byReviewer.put(reviewer, weighted(round, s.criteria()));
                                    if (!s.by().equals(reviewer)) {
                                        proxied.add(reviewer);
                                    }
                                },
                                () -> missing.add(reviewer)));
        BigDecimal mean = null;
        BigDecimal spread = null;
        if (!byReviewer.isEmpty()) {
            BigDecimal sum = byReviewer.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            mean = sum.divide(BigDecimal.valueOf(byReviewer.size()), WORKING_SCALE, RoundingMode.HALF_UP)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal max =
                    byReviewer.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            BigDecimal min =
                    byReviewer.values().stream().min(Comparator.naturalOrder()).orElseThrow();
            // one score has no spread: 0.00 beside it would read as reviewers agreeing
            spread = byReviewer.size() < 2 ? null : max.subtract(min).setScale(2, RoundingMode.HALF_UP);
        }
        Map<String, BigDecimal> shown = new TreeMap<>();
        byReviewer.forEach((reviewer, score) -> shown.put(reviewer, score.setScale(2, RoundingMode.HALF_UP)));
        return new Row(entry, mean, spread, shown, missing, 0, false, false, advanced, withdrawn, proxied);
    }

    private static Track ranked(int number, String name, List<Row> rows, ReviewPlan.Round round) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::mean, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(r -> r.entry().workTitle())
                .thenComparing(r -> r.entry().entryId()));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row row = sorted.get(i);
            int rank = i + 1;
            Row before = i > 0 ? sorted.get(i - 1) : null;
            boolean same = before != null
                    && (row.mean() == null
                            ? before.mean() == null
                            : before.mean() != null && row.mean().compareTo(before.mean()) == 0);
            if (row.mean() == null) {
                // nobody has scored it: listed last, without a rank
                rank = 0;
            } else if (same) {
                // equal means share a rank
                rank = ranked.get(i - 1).rank();
            }
            boolean tied = row.mean() != null
                    && sorted.stream()
                            .filter(o -> o != row)
                            .anyMatch(o -> o.mean() != null && o.mean().compareTo(row.mean()) == 0);
            // the line counts only the entries that can be awarded: a withdrawn award leaves its place to the next
            boolean proposed = row.mean() != null
                    && !row.withdrawn()
                    && sorted.stream()
                                    .filter(o -> !o.withdrawn()
                                            && o.mean() != null
                                            && o.mean().compareTo(row.mean()) > 0)
                                    .count()
                            < round.advancePerTrack();
            ranked.add(new Row(
                    row.entry(),
                    row.mean(),
                    row.spread(),
                    row.reviewerScores(),
                    row.missing(),
                    rank,
                    tied,
                    proposed,
                    row.advanced(),
                    row.withdrawn(),
                    row.proxied()));
        }
        long proposed = ranked.stream().filter(Row::proposed).count();
        return new Track(number, name, ranked, proposed > round.advancePerTrack());
    }
}
