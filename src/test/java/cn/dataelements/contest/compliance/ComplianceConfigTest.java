package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "severity: blocking\n    message: \"未填写作品名称\"",
                "severity: blocking\n    enabled: false\n    message: \"未填写作品名称\"");
        ComplianceSettings settings = ComplianceSettings.load(dir, "forbidden-words.txt");

        assertThat(settings.rules().get(FindingCode.WORK_TITLE_MISSING).enabled())
                .isFalse();
        assertThat(new RuleContext(null, settings, null, null)
                        .finding(FindingCode.WORK_TITLE_MISSING, Evidence.field("workTitle", "")))
                .isEmpty();
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
