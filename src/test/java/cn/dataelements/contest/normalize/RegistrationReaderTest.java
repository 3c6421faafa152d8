package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.extraction.Extraction;
import cn.dataelements.contest.extraction.ExtractionSettings;
import cn.dataelements.contest.extraction.ForkedTikaExtractor;
import cn.dataelements.contest.support.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated 参赛作品登记表 (src/test/resources/registration) goes through the real extraction child and the
 * reader, and gives exactly the values written beside it.
 */
class RegistrationReaderTest {

    private static final Path SHEETS = Path.of("src/test/resources/registration");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    static Stream<String> sheets() throws Exception {
        return Corpus.cases(SHEETS);
    }

    @Test
    void theCorpusHasTheFourLayouts() throws Exception {
        assertThat(sheets()).hasSize(4).anyMatch(n -> n.endsWith(".xlsx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sheets")
    void readsEveryField(String sheet) throws Exception {
        JsonNode expected =
                JSON.readTree(SHEETS.resolve(sheet + ".expected.json").toFile());
        Extraction extraction = extractor.extract(SHEETS.resolve(sheet), sheet);
        assertThat(extraction.ok()).as(sheet).isTrue();

        RegistrationSheet read = RegistrationReader.read(extraction.xhtml());

        assertThat(read.header().workTitle())
                .isEqualTo(expected.path("workTitle").asText());
        assertThat(read.header().units())
                .containsExactly(new Entry.Unit(
                        expected.path("unit").asText(),
                        expected.path("creditCode").asText(),
                        true));
        JsonNode contact = expected.path("contact");
        assertThat(read.header().contact())
                .isEqualTo(new Entry.Contact(
                        contact.path("name").asText(),
                        contact.path("phone").asText(),
                        contact.path("email").asText()));
        assertThat(read.summary()).isEqualTo(expected.path("summary").asText());
        assertThat(read.highlights()).isEqualTo(expected.path("highlights").asText());
    }
}
