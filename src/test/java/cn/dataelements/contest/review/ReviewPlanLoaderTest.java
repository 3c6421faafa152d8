package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mappings/review.yaml} is validated like the other mapping files: file, key and what would be valid. */
class ReviewPlanLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedPlanHasTheGuidesRoundsAndCriteria() {
        ReviewPlan plan = ReviewPlanLoader.load(Path.of("mappings/review.yaml"));

        assertThat(plan.rounds()).extracting(ReviewPlan.Round::name).containsExactly("初赛", "决赛");
        assertThat(plan.round("final").orElseThrow().from()).isEqualTo("preliminary");
        assertThat(plan.round("final").orElseThrow().criteria())
                .extracting(ReviewPlan.Criterion::name)
                .containsExactly("作品成熟度", "技术水平", "创新性", "应用性", "落地价值");
    }

    @Test
    void everyProblemIsNamedByFileAndKey() throws IOException {
        Path file = dir.resolve("review.yaml");
        Files.writeString(file, """
                rounds:
                  - key: first
                    name: 初赛
                    reviewers-per-entry: 0
                    blind: true
                    advance-per-track: 2
                    criteria:
                      - {key: tech, name: 技术水平, weight: 0, min: 0, max: 100}
                      - {key: tech, name: 创新性, weight: 1, min: 100, max: 10}
                  - key: final
                    name: 决赛
                    from: semifinal
                    reviewers-per-entry: 3
                    advance-per-track: 3
                    criteria: [{key: tech, name: 技术水平, weight: 1, min: 0, max: 100}]
                """);

        assertThatThrownBy(() -> ReviewPlanLoader.load(file))
                .isInstanceOf(ReviewPlanException.class)
                .satisfies(e -> assertThat(((ReviewPlanException) e).problems())
                        .containsExactlyInAnyOrder(
                                file
                                        + ": rounds[0].reviewers-per-entry: missing or below 1; valid: a positive whole number",
                                file
                                        + ": rounds[0].criteria[0].weight: missing or not above 0; valid: a positive number, e.g. 20",
                                file + ": rounds[0].criteria[1].key: 'tech' is used twice; valid: a key of its own",
                                file
                                        + ": rounds[0].criteria[1].min/max: missing or min not below max; valid: e.g. min: 0, max: 100",
                                file + ": rounds[1].from: 'semifinal' is not a round above it; valid: one of [first]",
                                file + ": rounds[1].blind: missing; valid: true or false"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheValidOnes() throws IOException {
        Path file = dir.resolve("review.yaml");
        Files.writeString(file, "rounds:\n  - key: first\n    reviewers: 3\n");

        assertThatThrownBy(() -> ReviewPlanLoader.load(file))
                .hasMessageContaining("rounds[0]")
                .hasMessageContaining("unknown key 'reviewers'")
                .hasMessageContaining("reviewers-per-entry");
    }
}
