package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.normalize.fixtures.CreditCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/**
 * Checks the application-form corpus itself (not the normalizer): enough forms, every form has parseable expected
 * values, every credit code is valid, and each document really contains the headings and text its expected JSON
 * promises.
 */
class FormCorpusTest {

    private static final Path DIR = Path.of("src/test/resources/forms");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void corpusHasAtLeastThirtyFormsEachWithExpectedValues() throws IOException {
        List<Path> forms = forms();
        assertThat(forms.stream().filter(f -> f.toString().endsWith(".docx"))).hasSizeGreaterThanOrEqualTo(30);
        assertThat(forms.stream().filter(f -> f.toString().endsWith(".pdf"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(forms.stream().filter(f -> f.toString().endsWith(".doc"))).hasSizeGreaterThanOrEqualTo(3);
        for (Path form : forms) {
            JsonNode expected = expected(form);
            assertThat(expected.path("file").asText())
                    .isEqualTo(form.getFileName().toString());
            assertThat(expected.path("workTitle").asText()).as(form.toString()).isNotBlank();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path json :
                    files.filter(f -> f.toString().endsWith(".expected.json")).toList()) {
                String form = json.getFileName().toString().replace(".expected.json", "");
                assertThat(DIR.resolve(form)).as("form of " + json).exists();
            }
        }
    }

    @Test
    void tracksOneToTwelveAndFourteenAreAllCovered() throws IOException {
        List<Integer> tracks = new ArrayList<>();
        for (Path form : forms()) {
            tracks.add(expected(form).path("track").path("number").asInt());
        }
        assertThat(tracks).contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14);
    }

    @Test
    void everyCreditCodePassesTheGb32100Check() throws IOException {
        assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
        int codes = 0;
        for (Path form : forms()) {
            for (JsonNode unit : expected(form).path("units")) {
                assertThat(CreditCodes.isValid(unit.path("creditCode").asText()))
                        .as(form + " " + unit)
                        .isTrue();
                codes++;
            }
        }
        assertThat(codes).isGreaterThan(30);
    }

    @Test
    void docxFormsContainTheirHeadingsAndTextAndOpenWithPoi() throws IOException {
        for (Path form : forms(".docx")) {
            JsonNode expected = expected(form);
            try (InputStream in = Files.newInputStream(form);
                    XWPFDocument doc = new XWPFDocument(in);
                    XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                String text = extractor.getText();
                assertThat(text)
                        .as(form.toString())
                        .contains(expected.path("workTitle").asText());
                for (Map.Entry<String, JsonNode> s : expected.path("sections").properties()) {
                    checkSection(form, doc, text, s.getValue());
                }
            }
        }
    }

    private static void checkSection(Path form, XWPFDocument doc, String text, JsonNode s) {
        if (!s.path("found").asBoolean()) {
            assertThat(s.path("heading").asText()).isEmpty();
            return;
        }
        String heading = s.path("heading").asText();
        assertThat(text).as(form + " heading").contains(heading);
        assertThat(text).as(form + " start").contains(s.path("textStartsWith").asText());
        assertThat(text).as(form + " end").contains(s.path("textEndsWith").asText());
        if (s.has("numberDrawnByWord")) {
            XWPFParagraph p = doc.getParagraphs().stream()
                    .filter(x -> x.getText().equals(heading))
                    .findFirst()
                    .orElseThrow();
            assertThat(p.getNumID()).as(form + " numbering").isNotNull();
            assertThat(p.getText()).doesNotStartWith(s.path("numberDrawnByWord").asText());
        }
    }

    @Test
    void pdfFormsHaveExtractableChineseText() throws IOException {
        for (Path form : forms(".pdf")) {
            JsonNode expected = expected(form);
            try (PDDocument pdf = Loader.loadPDF(form.toFile())) {
                String text = squeeze(new PDFTextStripper().getText(pdf));
                assertThat(text)
                        .as(form.toString())
                        .contains(squeeze(expected.path("workTitle").asText()));
                for (JsonNode s : expected.path("sections")) {
                    if (s.path("found").asBoolean()) {
                        assertThat(text)
                                .as(form + " start")
                                .contains(squeeze(s.path("textStartsWith").asText()));
                    }
                }
            }
        }
    }

    @Test
    void word97FormsOpenWithHwpf() throws IOException {
        for (Path form : forms(".doc")) {
            JsonNode expected = expected(form);
            try (InputStream in = Files.newInputStream(form);
                    HWPFDocument doc = new HWPFDocument(in);
                    WordExtractor extractor = new WordExtractor(doc)) {
                String text = extractor.getText();
                assertThat(text)
                        .as(form.toString())
                        .contains(expected.path("workTitle").asText());
                for (JsonNode s : expected.path("sections")) {
                    assertThat(text)
                            .as(form + " heading")
                            .contains(s.path("heading").asText());
                    assertThat(text)
                            .as(form + " start")
                            .contains(s.path("textStartsWith").asText());
                }
            }
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static JsonNode expected(Path form) throws IOException {
        Path json = form.resolveSibling(form.getFileName() + ".expected.json");
        assertThat(json).as("expected values of " + form).exists();
        return MAPPER.readTree(json.toFile());
    }

    private static List<Path> forms(String suffix) throws IOException {
        return forms().stream().filter(f -> f.toString().endsWith(suffix)).toList();
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().matches(".*\\.(docx|pdf|doc)$"))
                    .sorted()
                    .toList();
        }
    }
}
