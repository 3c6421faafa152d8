package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyMappings() throws IOException {
        Files.copy(Path.of("mappings/compliance.yaml"), dir.resolve("compliance.yaml"));
        Files.copy(Path.of("mappings/forbidden-words.txt"), dir.resolve("forbidden-words.txt"));
    }

    @Test
    void theShippedFilesLoad() {
        ComplianceSettings settings = ComplianceSettings.load(dir, "forbidden-words.txt");

        assertThat(settings.rules()).hasSize(FindingCode.values().length);
        assertThat(settings.maxRepresentatives()).isEqualTo(5);
        assertThat(settings.forbiddenWords()).contains("国家级", "赌博").doesNotContain("#");
    }

    @Test
    void aWrongSeverityAndAnUnknownPlaceholderNameFileAndKey() throws IOException {
        edit("severity: warning\n", "severity: minor\n");
        edit("“{code}”校验位不正确", "“{creditCode}”校验位不正确");

        assertThatThrownBy(() -> ComplianceSettings.load(dir, "forbidden-words.txt"))
                .isInstanceOf(ComplianceConfigException.class)
                .hasMessageContaining(dir.resolve("compliance.yaml")
                        + ": rules[12].severity: 'minor' is not a severity;" + " valid: [blocking, warning, info]")
                .hasMessageContaining("rules[1].message: unknown placeholder {creditCode} for CREDIT_CODE_INVALID;"
                        + " valid: [unit, code]");
    }

    @Test
    void anUnknownCodeOrKeyIsNamed() throws IOException {
        edit("code: TRACK_UNKNOWN", "code: TRACK_MISSING");

        assertThatThrownBy(() -> ComplianceSettings.load(dir, "forbidden-words.txt"))
                .hasMessageContaining("rules[10].code: 'TRACK_MISSING' is not a finding code")
                .hasMessageContaining("rules: no entry for code 'TRACK_UNKNOWN'");

        edit("max-representatives: 5", "max-representative: 5");
        assertThatThrownBy(() -> ComplianceSettings.load(dir, "forbidden-words.txt"))
                .hasMessageContaining("unknown key 'max-representative'");
    }

    @Test
    void aDisabledCodeIsNotReported() throws IOException {
        edit(
                "audience: team\n    message: \"未填写作品名称\"",
                "audience: team\n    enabled: false\n    message: \"未填写作品名称\"");
        ComplianceSettings settings = ComplianceSettings.load(dir, "forbidden-words.txt");

        assertThat(settings.rules().get(FindingCode.WORK_TITLE_MISSING).enabled())
                .isFalse();
        assertThat(new RuleContext(null, settings, null, null)
                        .finding(FindingCode.WORK_TITLE_MISSING, Evidence.field("workTitle", "")))
                .isEmpty();
    }

    @Test
    void eachCodeHasAnAudienceTheCommitteeUnlessSaidOtherwise() throws IOException {
        ComplianceSettings shipped = ComplianceSettings.load(dir, "forbidden-words.txt");
        assertThat(shipped.rules().get(FindingCode.MATERIAL_MISSING).audience()).isEqualTo(Audience.TEAM);
        assertThat(shipped.rules().get(FindingCode.PERSON_IN_SEVERAL_TEAMS).audience())
                .isEqualTo(Audience.COMMITTEE);

        edit("    audience: team\n    message: \"未填写作品名称\"", "    message: \"未填写作品名称\"");
        ComplianceSettings unsaid = ComplianceSettings.load(dir, "forbidden-words.txt");

        assertThat(unsaid.rules().get(FindingCode.WORK_TITLE_MISSING).audience())
                .isEqualTo(Audience.COMMITTEE);
    }

    @Test
    void theTeamAudienceIsRefusedForFindingsAboutOtherEntriesOrWatchLists() throws IOException {
        edit(
                "code: PERSON_IN_SEVERAL_TEAMS\n    severity: blocking\n    audience: committee",
                "code: PERSON_IN_SEVERAL_TEAMS\n    severity: blocking\n    audience: team");
        edit(
                "code: UNIT_DISHONEST\n    severity: blocking\n    audience: committee",
                "code: UNIT_DISHONEST\n    severity: blocking\n    audience: team");
        edit(
                "code: TRACK_UNKNOWN\n    severity: blocking\n    audience: team\n    message: \"无法确定作品报名的赛道\"",
                "code: TRACK_UNKNOWN\n    severity: blocking\n    audience: tean\n    message: \"无法确定作品报名的赛道\"");

        assertThatThrownBy(() -> ComplianceSettings.load(dir, "forbidden-words.txt"))
                .hasMessageContaining("rules[5].audience: 'team' is refused for PERSON_IN_SEVERAL_TEAMS")
                .hasMessageContaining("rules[16].audience: 'team' is refused for UNIT_DISHONEST")
                .hasMessageContaining("rules[10].audience: 'tean' is not an audience; valid: [team, committee]");
    }

    @Test
    void theTeamAudienceIsRefusedForAMessageThatNamesAnotherEntry() {
        List<String> problems = new java.util.ArrayList<>();
        ComplianceConfigLoader.RuleDocs.check(
                List.of(new ComplianceConfigLoader.RuleDoc(
                        "WRONG_CHANNEL", "blocking", "{track}赛道应通过{expected}提交", true, "team")),
                "compliance.yaml",
                problems);
        assertThat(problems).noneMatch(p -> p.contains("audience"));

        problems.clear();
        ComplianceConfigLoader.RuleDocs.check(
                List.of(new ComplianceConfigLoader.RuleDoc(
                        "TEAM_SEVERAL_WORKS", "blocking", "请核对作品“{title}”与“{otherTitle}”", true, "team")),
                "compliance.yaml",
                problems);
        assertThat(problems).anyMatch(p -> p.contains("rules[0].audience: 'team' is refused for TEAM_SEVERAL_WORKS"));
    }

    @Test
    void aMissingWordListAndATwiceListedWordAreNamed() throws IOException {
        assertThatThrownBy(() -> ComplianceSettings.load(dir, "words.txt"))
                .hasMessageContaining(dir.resolve("words.txt") + ": file not found");

        Files.writeString(dir.resolve("forbidden-words.txt"), "# test\n赌博\n\n赌博 # again\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ComplianceSettings.load(dir, "forbidden-words.txt"))
                .hasMessageContaining("forbidden-words.txt: line 4: '赌博' is listed twice");
    }

    private void edit(String from, String to) throws IOException {
        Path file = dir.resolve("compliance.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to), StandardCharsets.UTF_8);
    }
}
