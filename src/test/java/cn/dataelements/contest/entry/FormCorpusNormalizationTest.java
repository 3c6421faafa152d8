package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.catalog.FormLayout;
import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.extraction.Extraction;
import cn.dataelements.contest.extraction.ExtractionSettings;
import cn.dataelements.contest.extraction.ForkedTikaExtractor;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.normalize.FormNormalizer;
import cn.dataelements.contest.normalize.NormalizedForm;
import cn.dataelements.contest.normalize.RegistrationReader;
import cn.dataelements.contest.normalize.RegistrationSheet;
import cn.dataelements.contest.support.Corpus;
import cn.dataelements.contest.support.ExtractedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated application form (docx, pdf, doc) goes through the real extraction (Tika in a child JVM) and the
 * normalizer with the real catalog, and every expected header field and section is asserted.
 */
class FormCorpusNormalizationTest {

    private static final Path FORMS = Path.of("src/test/resources/forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Catalog CATALOG = Catalog.load(Path.of("mappings"));

    @TempDir
    static Path temp;

    private static ForkedTikaExtractor extractor;

    @BeforeAll
    static void startExtractor() {
        extractor = new ForkedTikaExtractor(
                new ExtractionSettings(Duration.ofSeconds(60), "512m", 2_000_000, temp.resolve("tika"), 1));
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }

    static Stream<String> forms() throws Exception {
        return Corpus.cases(FORMS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void normalizesEveryFieldAndSection(String form) throws Exception {
        JsonNode expected = JSON.readTree(FORMS.resolve(form + ".expected.json").toFile());
        Extraction extraction = extractor.extract(FORMS.resolve(form), form);
        assertThat(extraction.ok()).as("extraction of " + form).isTrue();
        Track track =
                CATALOG.tracks().track(expected.path("track").path("number").asInt());
        FormLayout layout = layoutFor(track, expected);
        NormalizedForm normalized = new FormNormalizer().normalize(extraction.xhtml(), Vocabularies.of(layout));
        boolean flat = !form.endsWith(".docx") && !form.endsWith(".doc");

        SoftAssertions soft = new SoftAssertions();
        CorpusExpectations.header(soft, form, expected, normalized.header(), CATALOG);
        Map<String, FormSection> sections = CorpusExpectations.byKey(normalized.sections());
        expected.path("sections")
                .fields()
                .forEachRemaining(e -> CorpusExpectations.section(
                        soft, form + " " + e.getKey(), e.getValue(), sections.get(e.getKey()), flat));
        JsonNode registration = expected.path("registration");
        if (!registration.isMissingNode()) {
            RegistrationSheet sheet = RegistrationReader.read(extraction.xhtml());
            soft.assertThat(sheet.summary())
                    .as(form + " 简介")
                    .isEqualTo(registration.path("summary").asText());
            soft.assertThat(sheet.highlights())
                    .as(form + " 亮点")
                    .isEqualTo(registration.path("highlights").asText());
        }
        soft.assertAll();
    }

    @Test
    void aTrack14EntryTakesItsUnitsAndTextsFromTheRegistrationSheet() throws Exception {
        ReadFile introduction =
                ExtractedFiles.read(extractor, FORMS.resolve("41-track14-fangan-jieshao-paren.pdf"), "作品方案介绍.pdf");
        ReadFile sheet = ExtractedFiles.read(extractor, FORMS.resolve("43-track14-dengjibiao.docx"), "参赛作品登记表.docx");
        JsonNode expected = JSON.readTree(
                FORMS.resolve("43-track14-dengjibiao.docx.expected.json").toFile());

        Entry entry = EntryBuilders.of(CATALOG)
                .build(ExtractedFiles.submission(
                        "export", "test", Instant.parse("2024-07-20T02:00:00Z"), List.of(introduction, sheet)));

        assertThat(entry.units()).containsExactly(new Entry.Unit("威海市环翠区大数据中心", "1137100200212754XH", true));
        assertThat(entry.workTitle()).isEqualTo("基层治理网格数据融合应用");
        assertThat(entry.contact().name()).isEqualTo("毕文静");
        assertThat(entry.track()).isEqualTo(new Entry.Track(14, "数字机关"));
        assertThat(entry.sections()).allMatch(FormSection::found);
        assertThat(entry.registration())
                .isEqualTo(new Entry.Registration(
                        "参赛作品登记表.docx",
                        expected.path("registration").path("summary").asText(),
                        expected.path("registration").path("highlights").asText()));
    }

    private static FormLayout layoutFor(Track track, JsonNode expected) {
        if (track.directions().isEmpty()) {
            return track.form();
        }
        List<String> keys = new ArrayList<>();
        expected.path("sections").fieldNames().forEachRemaining(keys::add);
        if (keys.isEmpty()) {
            // a 参赛作品登记表 has header fields only: read it without sections
            return FormLayout.none();
        }
        Optional<FormLayout> matching = track.directions().stream()
                .map(d -> d.form())
                .filter(f -> !f.isEmpty() && f.section(keys.get(0)).isPresent())
                .findFirst();
        return matching.orElse(FormLayout.none());
    }
}
