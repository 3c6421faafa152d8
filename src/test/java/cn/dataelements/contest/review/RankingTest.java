package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ranking on a small worked example, every figure computed by hand below.
 *
 * <p>Criteria: 技术水平 weight 2, 创新性 weight 1, 应用性 weight 1, each 0–100. A reviewer's score is
 * (2·A + B + C) / 4; the entry's score is the mean of its reviewers' scores, rounded half up to two decimals.
 *
 * <pre>
 * 工业制造 (track 1), two advance
 *   (equal means are listed by title: 冷链 before 港口)
 *   港口 (E1): r1 (90,80,70) → 330/4 = 82.50; r2 (80,90,90) → 340/4 = 85.00; r3 (85,85,86) → 341/4 = 85.25
 *              mean 252.75/3 = 84.25, spread 85.25 − 82.50 = 2.75
 *   冷链 (E2): r1 (85,85,85) → 85.00; r2 (83,85,86) → 337/4 = 84.25; r3 (84,83,83) → 334/4 = 83.50
 *              mean 252.75/3 = 84.25: tied with E1, both rank 1, both proposed
 *   仓储 (E3): r1 (70,70,70) → 70; r2 (71,71,71) → 71; r3 has not scored: mean 70.50, r3 missing, rank 3
 *   物流 (E4), 运输 (E6): nobody scored: no mean, no rank (0), listed last, not proposed
 * 现代农业 (track 2)
 *   灌溉 (E5): r1 (80,80,80) → 80; r2 (80,80,81) → 321/4 = 80.25; mean 80.125 → 80.13 (half up, not half even)
 *              r9 scored it but is not assigned: that score does not count
 * </pre>
 */
class RankingTest {

    private static final ReviewPlan.Round ROUND = round(2);

    private final List<Assignment> assignments = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();

    @Test
    void weightedMeansTiesMissingScoresAndTheProposedAreAsWorkedOut() {
        List<Ranking.Track> tracks = workedExample(ROUND, Set.of("E2"));

        Ranking.Track industry = tracks.get(0);
        assertThat(industry.name()).isEqualTo("工业制造");
        assertThat(industry.rows()).extracting(r -> r.entry().entryId()).containsExactly("E2", "E1", "E3", "E4", "E6");
        Ranking.Row e1 = industry.rows().get(1);
        assertThat(e1.reviewerScores()).isEqualTo(Map.of("r1", dec("82.50"), "r2", dec("85.00"), "r3", dec("85.25")));
        assertThat(e1.mean()).isEqualTo(dec("84.25"));
        assertThat(e1.spread()).isEqualTo(dec("2.75"));
        assertThat(industry.rows())
                .extracting(Ranking.Row::mean)
                .containsExactly(dec("84.25"), dec("84.25"), dec("70.50"), null, null);
        assertThat(industry.rows()).extracting(Ranking.Row::rank).containsExactly(1, 1, 3, 0, 0);
        assertThat(industry.rows()).extracting(Ranking.Row::tied).containsExactly(true, true, false, false, false);
        assertThat(industry.rows()).extracting(Ranking.Row::proposed).containsExactly(true, true, false, false, false);
        assertThat(industry.rows()).extracting(Ranking.Row::advanced).containsExactly(true, false, false, false, false);
        assertThat(industry.rows().get(2).missing()).containsExactly("r3");
        assertThat(industry.rows().get(3).missing()).containsExactly("r1", "r2");
        assertThat(industry.tieAtCutoff()).isFalse();

        Ranking.Row e5 = tracks.get(1).rows().get(0);
        assertThat(e5.mean()).as("80.125 rounds half up").isEqualTo(dec("80.13"));
        assertThat(e5.reviewerScores()).as("r9 is not assigned to it").containsOnlyKeys("r1", "r2");
        assertThat(e5.spread()).isEqualTo(dec("0.25"));
    }

    @Test
    void oneScoreHasNoSpreadAndNoScoreHasNoRank() {
        score("E1", "r1", 80, 80, 80);
        assign("E1", "r2");
        assign("E2", "r1");
        List<RoundEntry> entries =
                List.of(new RoundEntry("E1", "港口", 1, "工业制造"), new RoundEntry("E2", "冷链", 1, "工业制造"));

        List<Ranking.Row> rows = Ranking.of(ROUND, entries, assignments, scores, Set.of(), Set.of())
                .get(0)
                .rows();

        assertThat(rows.get(0).mean()).isEqualTo(dec("80.00"));
        assertThat(rows.get(0).spread()).as("a spread beside one score").isNull();
        assertThat(rows.get(0).rank()).isEqualTo(1);
        assertThat(rows.get(1).rank()).as("nobody scored E2").isZero();
        assertThat(rows.get(1).proposed()).isFalse();
    }

    @Test
    void aWithdrawnAwardIsNeverProposedAndLeavesItsPlaceToTheNext() {
        List<Ranking.Track> tracks = workedExample(round(2), Set.of(), Set.of("E2"));

        Ranking.Track industry = tracks.get(0);
        assertThat(industry.rows()).extracting(r -> r.entry().entryId()).startsWith("E2", "E1", "E3");
        assertThat(industry.rows())
                .extracting(Ranking.Row::proposed)
                .as("E2 withdrawn: E1 and E3 are the two")
                .containsExactly(false, true, true, false, false);
        assertThat(industry.rows().get(0).withdrawn()).isTrue();
        assertThat(industry.tieAtCutoff()).isFalse();
    }

    @Test
    void aTieAcrossTheLineIsSaid() {
        List<Ranking.Track> tracks = workedExample(round(1), Set.of());

        assertThat(tracks.get(0).tieAtCutoff())
                .as("E1 and E2 share rank 1 and one place advances")
                .isTrue();
        assertThat(tracks.get(0).rows())
                .extracting(Ranking.Row::proposed)
                .containsExactly(true, true, false, false, false);
    }

    private List<Ranking.Track> workedExample(ReviewPlan.Round round, Set<String> advanced) {
        return workedExample(round, advanced, Set.of());
    }

    private List<Ranking.Track> workedExample(ReviewPlan.Round round, Set<String> advanced, Set<String> withdrawn) {
        score("E1", "r1", 90, 80, 70);
        score("E1", "r2", 80, 90, 90);
        score("E1", "r3", 85, 85, 86);
        score("E2", "r1", 85, 85, 85);
        score("E2", "r2", 83, 85, 86);
        score("E2", "r3", 84, 83, 83);
        score("E3", "r1", 70, 70, 70);
        score("E3", "r2", 71, 71, 71);
        assign("E3", "r3");
        assign("E4", "r1");
        assign("E4", "r2");
        assign("E6", "r1");
        score("E5", "r1", 80, 80, 80);
        score("E5", "r2", 80, 80, 81);
        scores.add(new Score("preliminary", "E5", "r9", criteria(0, 0, 0), "", "page", "r9", Instant.EPOCH));
        List<RoundEntry> entries = List.of(
                new RoundEntry("E6", "运输", 1, "工业制造"),
                new RoundEntry("E4", "物流", 1, "工业制造"),
                new RoundEntry("E3", "仓储", 1, "工业制造"),
                new RoundEntry("E2", "冷链", 1, "工业制造"),
                new RoundEntry("E1", "港口", 1, "工业制造"),
                new RoundEntry("E5", "灌溉", 2, "现代农业"));
        return Ranking.of(round, entries, assignments, scores, advanced, withdrawn);
    }

    private void score(String entry, String reviewer, int technology, int innovation, int applicability) {
        assign(entry, reviewer);
        scores.add(new Score(
                "preliminary",
                entry,
                reviewer,
                criteria(technology, innovation, applicability),
                "",
                "page",
                reviewer,
                Instant.EPOCH));
    }

    private void assign(String entry, String reviewer) {
        assignments.add(new Assignment("preliminary", entry, reviewer, true, "organizer", Instant.EPOCH));
    }

    private static Map<String, BigDecimal> criteria(int technology, int innovation, int applicability) {
        return Map.of(
                "technology", BigDecimal.valueOf(technology),
                "innovation", BigDecimal.valueOf(innovation),
                "applicability", BigDecimal.valueOf(applicability));
    }

    private static ReviewPlan.Round round(int advance) {
        return new ReviewPlan.Round(
                "preliminary",
                "初赛",
                "",
                3,
                true,
                advance,
                List.of(
                        new ReviewPlan.Criterion("technology", "技术水平", dec("2"), dec("0"), dec("100")),
                        new ReviewPlan.Criterion("innovation", "创新性", dec("1"), dec("0"), dec("100")),
                        new ReviewPlan.Criterion("applicability", "应用性", dec("1"), dec("0"), dec("100"))));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
