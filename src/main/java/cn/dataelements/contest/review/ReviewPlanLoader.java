package cn.dataelements.contest.review;

import cn.dataelements.contest.system.config.YamlProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code mappings/review.yaml} and validates it like the other mapping files: every problem is collected and
 * thrown at once, each naming the file, the key path and what would be valid.
 */
final class ReviewPlanLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    record PlanDoc(List<RoundDoc> rounds) {}

    record RoundDoc(
            String key,
            String name,
            String from,
            Integer reviewersPerEntry,
            Boolean blind,
            Integer advancePerTrack,
            List<CriterionDoc> criteria,
            Boolean roadshow) {}

    record CriterionDoc(String key, String name, BigDecimal weight, BigDecimal min, BigDecimal max) {}

    private ReviewPlanLoader() {}

    static ReviewPlan load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReviewPlanException(List.of(file + ": file not found; valid: the rounds file named by "
                    + "intake.review.plan (default mappings/review.yaml)"));
        }
        PlanDoc doc;
        try {
            doc = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), PlanDoc.class);
        } catch (JsonProcessingException e) {
            throw new ReviewPlanException(List.of(file + ": " + YamlProblems.describe(e)));
        } catch (IOException e) {
            throw new ReviewPlanException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (doc == null || doc.rounds() == null || doc.rounds().isEmpty()) {
            throw new ReviewPlanException(List.of(file + ": rounds: missing; valid: a list of rounds, each with key, "
                    + "name, reviewers-per-entry, blind, advance-per-track and criteria"));
        }
        List<ReviewPlan.Round> rounds = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < doc.rounds().size(); i++) {
            RoundDoc round = doc.rounds().get(i);
            String at = file + ": rounds[" + i + "]";
            rounds.add(round(round, at, keys, problems));
            keys.add(round.key());
        }
        if (!problems.isEmpty()) {
            throw new ReviewPlanException(problems);
        }
        return new ReviewPlan(rounds);
    }

    private static ReviewPlan.Round round(RoundDoc round, String at, Set<String> earlier, List<String> problems) {
        requireKey(round.key(), at + ".key", problems);
        if (earlier.contains(round.key())) {
            problems.add(at + ".key: '" + round.key() + "' is used twice; valid: a key of its own");
        }
        requireText(round.name(), at + ".name", problems);
        String from = round.from() == null ? "" : round.from();
        if (!from.isEmpty() && !earlier.contains(from)) {
            problems.add(at + ".from: '" + from + "' is not a round above it; valid: one of " + earlier);
        }
        int reviewers = positive(round.reviewersPerEntry(), at + ".reviewers-per-entry", problems);
        int advance = positive(round.advancePerTrack(), at + ".advance-per-track", problems);
        if (round.blind() == null) {
            problems.add(at + ".blind: missing; valid: true or false");
        }
        List<ReviewPlan.Criterion> criteria = new ArrayList<>();
        if (round.criteria() == null || round.criteria().isEmpty()) {
            problems.add(at + ".criteria: missing; valid: a list of criteria with key, name, weight, min and max");
        } else {
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < round.criteria().size(); c++) {
                CriterionDoc criterion = round.criteria().get(c);
                String where = at + ".criteria[" + c + "]";
                if (!seen.add(String.valueOf(criterion.key()))) {
                    problems.add(where + ".key: '" + criterion.key() + "' is used twice; valid: a key of its own");
                }
                criteria.add(criterion(criterion, where, problems));
            }
        }
        return new ReviewPlan.Round(
                round.key(),
                round.name(),
                from,
                reviewers,
                Boolean.TRUE.equals(round.blind()),
                advance,
                criteria,
                Boolean.TRUE.equals(round.roadshow()));
    }

    private static ReviewPlan.Criterion criterion(CriterionDoc doc, String at, List<String> problems) {
        requireKey(doc.key(), at + ".key", problems);
        requireText(doc.name(), at + ".name", problems);
        if (doc.weight() == null || doc.weight().signum() <= 0) {
            problems.add(at + ".weight: missing or not above 0; valid: a positive number, e.g. 20");
        }
        if (doc.min() == null || doc.max() == null || doc.min().compareTo(doc.max()) >= 0) {
            problems.add(at + ".min/max: missing or min not below max; valid: e.g. min: 0, max: 100");
        }
        return new ReviewPlan.Criterion(doc.key(), doc.name(), doc.weight(), doc.min(), doc.max());
    }

    private static void requireKey(String key, String at, List<String> problems) {
        if (key == null || !key.matches("[a-z][a-z0-9-]*")) {
            problems.add(at + ": '" + key + "' is not a key; valid: lower-case letters, digits and dashes");
        }
    }

    private static void requireText(String text, String at, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(at + ": missing; valid: a name in Chinese, e.g. 初赛");
        }
    }

    private static int positive(Integer value, String at, List<String> problems) {
        if (value == null || value < 1) {
            problems.add(at + ": missing or below 1; valid: a positive whole number");
            return 1;
        }
        return value;
    }
}
