package cn.dataelements.contest.compliance;

import cn.dataelements.contest.system.config.YamlProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads mappings/compliance.yaml and the forbidden-word list, validates them and builds {@link ComplianceSettings}.
 * Every problem is collected and thrown at once as a {@link ComplianceConfigException} naming file and key.
 */
final class ComplianceConfigLoader {

    static final String RULES = "compliance.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** compliance.yaml as written. */
    record RulesFile(
            List<RuleDoc> rules,
            Integer maxRepresentatives,
            List<String> organizationSuffixes,
            List<String> notOrganizations,
            List<String> leadingWords,
            String nameBreaks) {}

    /** One entry of {@code rules:}. */
    record RuleDoc(String code, String severity, String message, Boolean enabled, String audience) {}

    private ComplianceConfigLoader() {}

    static ComplianceSettings load(Path dir, String forbiddenWordsFile) {
        Path rulesPath = dir.resolve(RULES);
        RulesFile file = read(rulesPath);
        List<String> problems = new ArrayList<>();
        Map<FindingCode, RuleSpec> rules = RuleDocs.check(file.rules(), rulesPath.toString(), problems);
        int max = file.maxRepresentatives() == null ? -1 : file.maxRepresentatives();
        if (max < 1) {
            problems.add(
                    rulesPath + ": max-representatives: missing or below 1; valid: a positive number (the guide: 5)");
        }
        requireList(file.organizationSuffixes(), rulesPath + ": organization-suffixes", problems);
        List<String> words = ForbiddenWords.read(dir.resolve(forbiddenWordsFile), problems);
        if (!problems.isEmpty()) {
            throw new ComplianceConfigException(problems, null);
        }
        OrganizationNames organizations = new OrganizationNames(
                file.organizationSuffixes(),
                orEmpty(file.notOrganizations()),
                orEmpty(file.leadingWords()),
                file.nameBreaks());
        return new ComplianceSettings(rules, max, words, organizations);
    }

    private static RulesFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ComplianceConfigException(
                    List.of(file + ": file not found; valid: " + RULES + " in the folder intake.compliance.dir"), null);
        }
        try {
            RulesFile read = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), RulesFile.class);
            if (read == null) {
                throw new ComplianceConfigException(
                        List.of(file + ": empty; valid: rules, max-representatives, …"), null);
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new ComplianceConfigException(List.of(file + ": " + YamlProblems.describe(e)), e);
        } catch (IOException e) {
            throw new ComplianceConfigException(List.of(file + ": cannot be read: " + e.getMessage()), e);
        }
    }

    private static void requireList(List<String> list, String where, List<String> problems) {
        if (list == null || list.isEmpty() || list.stream().anyMatch(s -> s == null || s.isBlank())) {
            problems.add(where + ": missing, empty or with an empty item; valid: a list of name endings, e.g. [有限公司]");
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Validation of the {@code rules:} list. */
    static final class RuleDocs {

        private RuleDocs() {}

        static Map<FindingCode, RuleSpec> check(List<RuleDoc> docs, String file, List<String> problems) {
            Map<FindingCode, RuleSpec> rules = new EnumMap<>(FindingCode.class);
            List<RuleDoc> list = docs == null ? List.of() : docs;
            for (int i = 0; i < list.size(); i++) {
                RuleSpec spec = checkOne(list.get(i), file + ": rules[" + i + "]", problems);
                if (spec != null && rules.putIfAbsent(spec.code(), spec) != null) {
                    problems.add(file + ": rules[" + i + "].code: '" + spec.code() + "' is configured twice");
                }
            }
            for (FindingCode code : FindingCode.values()) {
                if (!rules.containsKey(code)) {
                    problems.add(file + ": rules: no entry for code '" + code + "'; every code needs one (set "
                            + "enabled: false to switch it off)");
                }
            }
            return rules;
        }

        private static RuleSpec checkOne(RuleDoc doc, String where, List<String> problems) {
            FindingCode code = code(doc.code(), where, problems);
            Severity severity = severity(doc.severity(), where, problems);
            Audience audience = audience(doc.audience(), where, problems);
            if (doc.message() == null || doc.message().isBlank()) {
                problems.add(where + ".message: missing; valid: a Chinese message, e.g. 单位“{unit}”未填写统一社会信用代码");
            } else if (code != null) {
                placeholders(code, doc.message(), where, problems);
                if (audience == Audience.TEAM) {
                    teamMayRead(code, doc.message(), where, problems);
                }
            }
            if (code == null
                    || severity == null
                    || audience == null
                    || doc.message() == null
                    || doc.message().isBlank()) {
                return null;
            }
            return new RuleSpec(code, severity, doc.message(), doc.enabled() == null || doc.enabled(), audience);
        }

        private static Audience audience(String value, String where, List<String> problems) {
            if (value == null) {
                return Audience.COMMITTEE;
            }
            try {
                return Audience.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".audience: '" + value + "' is not an audience; valid: [team, committee]");
                return null;
            }
        }

        /** A receipt goes to whoever sent the mail: it may carry nothing of another entry or of a watch list. */
        private static void teamMayRead(FindingCode code, String message, String where, List<String> problems) {
            if (code.disclosesOthers()) {
                problems.add(where + ".audience: 'team' is refused for " + code
                        + ": the finding itself tells of another entry or a watch list; valid: committee");
                return;
            }
            RuleSpec.PLACEHOLDER
                    .matcher(message)
                    .results()
                    .map(r -> r.group(1))
                    .filter(FindingCode.FOREIGN_PLACEHOLDERS::contains)
                    .distinct()
                    .forEach(name -> problems.add(where + ".audience: 'team' is refused for " + code
                            + ": its message uses {" + name + "}, another entry's data; valid: committee"));
        }

        private static FindingCode code(String value, String where, List<String> problems) {
            try {
                return FindingCode.valueOf(value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                problems.add(where + ".code: '" + value + "' is not a finding code; valid: "
                        + Arrays.toString(FindingCode.values()));
                return null;
            }
        }

        private static Severity severity(String value, String where, List<String> problems) {
            try {
                return Severity.valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".severity: '" + value + "' is not a severity; valid: [blocking, warning, info]");
                return null;
            }
        }

        private static void placeholders(FindingCode code, String message, String where, List<String> problems) {
            RuleSpec.PLACEHOLDER
                    .matcher(message)
                    .results()
                    .map(r -> r.group(1))
                    .distinct()
                    .filter(name -> !code.placeholders().contains(name))
                    .forEach(name -> problems.add(where + ".message: unknown placeholder {" + name + "} for " + code
                            + "; valid: " + code.placeholders()));
        }
    }
}
