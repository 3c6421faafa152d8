package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.entry.EntryBuilders;
import cn.dataelements.contest.extraction.ExtractionSettings;
import cn.dataelements.contest.extraction.ForkedTikaExtractor;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.support.ExtractedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated compliance corpus (src/test/resources/compliance, made by {@code ComplianceFormGenerator}): each form,
 * bent to break one rule, is extracted by Tika in a child JVM, read into a submission, built into an entry by the
 * production {@link EntryBuilder} with the real catalog, and checked by a {@link ComplianceChecker} wired as the app
 * wires it (mappings/compliance.yaml, the forbidden-word list, an imported dishonesty list, and the other cases'
 * entries for the rules across entries). Each submission must yield exactly the findings its
 * {@code <file>.findings.json} lists: code, severity and evidence.
 */
class ComplianceCorpusTest {

    private static final Path DIR = Path.of("src/test/resources/compliance");
    private static final Path FORMS = DIR.resolve("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.load(Path.of("mappings"));
    private static final ComplianceSettings SETTINGS =
            ComplianceSettings.load(Path.of("mappings"), "forbidden-words.txt");
    private static final Instant RECEIVED = Instant.parse("2024-07-01T02:00:00Z");

    /** Proof documents attached to a submission with proofs: names the catalog classifies as the track's proofs. */
    private static final List<String> PROOFS =
            List.of("营业执照.txt", "责任声明.txt", "应用案例证明.txt", "审计报告.txt", "软件著作权登记证书.txt");

    @TempDir
    static Path temp;

    private static ForkedTikaExtractor extractor;
    private static ComplianceChecker checker;
    private static final EntryBuilder BUILDER = EntryBuilders.of(CATALOG);
    private static final Map<String, JsonNode> CASES = new LinkedHashMap<>();
    private static final Map<String, ReadFile> FORM_FILES = new LinkedHashMap<>();
    /** Each case's entry from its first submission: what the directory holds for the rules across entries. */
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    @BeforeAll
    static void readCorpus() throws Exception {
        extractor = new ForkedTikaExtractor(
                new ExtractionSettings(Duration.ofSeconds(60), "512m", 2_000_000, temp.resolve("tika"), 1));
        WatchListStore lists = new WatchListStore(
                cn.dataelements.contest.support.TestDatabase.fresh().jdbc(),
                Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneOffset.UTC));
        try (InputStream csv = Files.newInputStream(DIR.resolve("dishonest-list.csv"))) {
            ImportReport report = lists.importList(ListKind.DISHONEST, "dishonest-list.csv", csv);
            assertThat(report.rejectedRows()).isEmpty();
            assertThat(report.rows()).isEqualTo(2);
        }
        for (String form : forms().toList()) {
            CASES.put(form, JSON.readTree(FORMS.resolve(form + ".findings.json").toFile()));
            FORM_FILES.put(form, read(FORMS.resolve(form), form));
        }
        for (String form : CASES.keySet()) {
            JsonNode first = CASES.get(form).path("submissions").get(0);
            ENTRIES.put(form, BUILDER.build(submission(form, first)));
        }
        EntryDirectory directory = entry -> ENTRIES.values().stream()
                .filter(other -> !other.id().equals(entry.id()))
                .toList();
        checker = new ComplianceChecker(CATALOG.tracks(), SETTINGS, lists, directory);
    }

    @AfterAll
    static void stopExtractor() {
        if (extractor != null) {
            extractor.close();
        }
    }

    static Stream<String> forms() throws Exception {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".findings.json"))
                    .map(n -> n.substring(0, n.length() - ".findings.json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Stream<Arguments> submissions() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (String form : forms().toList()) {
            JsonNode submissions = JSON.readTree(
                            FORMS.resolve(form + ".findings.json").toFile())
                    .path("submissions");
            for (int i = 0; i < submissions.size(); i++) {
                JsonNode s = submissions.get(i);
                all.add(Arguments.of(
                        form,
                        i,
                        s.path("channel").asText(),
                        s.path("proofs").asBoolean() ? "with proofs" : "form only"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} #{1} by {2}, {3}")
    @MethodSource("submissions")
    void yieldsExactlyTheExpectedFindings(String form, int index, String channel, String proofs) throws Exception {
        JsonNode submission = CASES.get(form).path("submissions").get(index);
        ReadSubmission read = submission(form, submission);
        Entry entry = BUILDER.build(read);
        assertThat(entry.workTitle())
                .as("work title of " + form)
                .isEqualTo(CASES.get(form).path("workTitle").asText());
        Map<String, String> texts = new LinkedHashMap<>();
        read.files().forEach(f -> texts.put(f.document().path(), f.document().text()));

        List<Finding> findings = checker.check(new CheckInput(entry, texts, channel));

        List<Map<String, Object>> expected = new ArrayList<>();
        submission.path("expectedFindings").forEach(f -> expected.add(expected(f)));
        assertThat(findings.stream().map(ComplianceCorpusTest::actual).toList())
                .as("findings of " + form + " by " + channel + ", " + proofs)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(findings)
                .allSatisfy(f -> assertThat(f.messageZh()).isNotBlank().doesNotContain("{"));
    }

    @Test
    void theCleanCaseHasNoFindingAndEveryRuleOfTheIssueIsCovered() {
        List<String> codes = CASES.values().stream()
                .flatMap(c -> stream(c.path("submissions")))
                .flatMap(s -> stream(s.path("expectedFindings")))
                .map(f -> f.path("code").asText())
                .distinct()
                .toList();
        assertThat(codes)
                .contains(
                        "CREDIT_CODE_INVALID",
                        "TOO_MANY_REPRESENTATIVES",
                        "PERSON_IN_SEVERAL_TEAMS",
                        "TEAM_SEVERAL_WORKS",
                        "WRONG_CHANNEL",
                        "TRACK_NOT_ACCEPTED",
                        "FORM_SECTION_MISSING",
                        "WORK_TITLE_FORBIDDEN_WORD",
                        "UNIT_DISHONEST",
                        "MATERIAL_MISSING");
        JsonNode clean =
                CASES.get("50-compliance-clean.docx").path("submissions").get(0).path("expectedFindings");
        assertThat(clean).isEmpty();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    private static Map<String, Object> expected(JsonNode f) {
        JsonNode e = f.path("evidence");
        String text = e.path("text").asText();
        for (Map.Entry<String, Entry> other : ENTRIES.entrySet()) {
            String name = other.getKey().substring(0, other.getKey().length() - ".docx".length());
            text = text.replace("{entry:" + name + "}", other.getValue().id());
        }
        return Map.of(
                "code", f.path("code").asText(),
                "severity", f.path("severity").asText(),
                "file", e.path("file").asText(),
                "field", e.path("field").asText(),
                "text", text,
                "offset", e.path("offset").asInt());
    }

    private static Map<String, Object> actual(Finding f) {
        return Map.of(
                "code", f.code(),
                "severity", f.severity().name(),
                "file", f.evidence().file(),
                "field", f.evidence().field(),
                "text", f.evidence().text(),
                "offset", f.evidence().offset());
    }

    /** A submission of a case's form as a channel would read it: the form, and the proofs when it carries them. */
    private static ReadSubmission submission(String form, JsonNode submission) throws Exception {
        List<ReadFile> files = new ArrayList<>();
        files.add(FORM_FILES.get(form));
        if (submission.path("proofs").asBoolean()) {
            files.addAll(proofs(form));
        }
        return ExtractedFiles.submission(submission.path("channel").asText(), "compliance-corpus", RECEIVED, files);
    }

    /** The proofs of a case's team, each naming the lead unit, written as files and extracted like the form. */
    private static List<ReadFile> proofs(String form) throws Exception {
        JsonNode lead = CASES.get(form).path("units").get(0);
        Path dir = Files.createDirectories(temp.resolve("proofs").resolve(form));
        List<ReadFile> files = new ArrayList<>();
        for (String name : PROOFS) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                String title = name.substring(0, name.lastIndexOf('.'));
                Files.writeString(
                        file,
                        title + "\n单位名称：" + lead.path("name").asText() + "\n统一社会信用代码："
                                + lead.path("creditCode").asText() + "\n",
                        StandardCharsets.UTF_8);
            }
            files.add(read(file, name));
        }
        return files;
    }

    private static ReadFile read(Path file, String displayPath) throws Exception {
        return ExtractedFiles.read(extractor, file, displayPath);
    }
}
