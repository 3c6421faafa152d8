package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.submission.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedTextsTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void aKeptExtractionIsFoundUnderAnotherNameWithItsProblemsThere() {
        ExtractedTexts texts = new ExtractedTexts(dir, true, 1000);
        Problem cut = new Problem("EXTRACTION_SOMETHING", "中文", "English", "a/申报书.docx");
        texts.keep(SHA, "a/申报书.docx", 1000, extraction("a/申报书.docx", "正文", Map.of(), List.of(cut), true));

        Extraction found = texts.find(SHA, "b/作品申报书.docx", 1000).orElseThrow();

        assertThat(found.displayName()).isEqualTo("b/作品申报书.docx");
        assertThat(found.text()).isEqualTo("正文");
        assertThat(found.xhtml()).isEqualTo("<p>正文</p>");
        assertThat(found.problems()).extracting(Problem::location).containsExactly("b/作品申报书.docx");
    }

    @Test
    void aWholeTextServesAnyLimitItFitsAndACutOneOnlyItsOwn() {
        ExtractedTexts texts = new ExtractedTexts(dir, true, 1000);
        texts.keep(SHA, "x.pdf", 1000, extraction("x.pdf", "0123456789", Map.of(), List.of(), true));
        assertThat(texts.find(SHA, "x.pdf", 10)).isPresent();
        assertThat(texts.find(SHA, "x.pdf", 9)).isEmpty();

        String other = "cd".repeat(32);
        texts.keep(
                other, "y.pdf", 5, extraction("y.pdf", "01234", Map.of(Extraction.TRUNCATED, "true"), List.of(), true));
        assertThat(texts.find(other, "y.pdf", 5)).isPresent();
        assertThat(texts.find(other, "y.pdf", 6)).isEmpty();
        // the app's own limit caps what a caller asks for
        assertThat(new ExtractedTexts(dir, true, 5).find(other, "y.pdf", 1000)).isPresent();
    }

    @Test
    void anotherExtensionAFailureOrReuseOffExtractsAgain() {
        ExtractedTexts texts = new ExtractedTexts(dir, true, 1000);
        texts.keep(SHA, "x.docx", 1000, extraction("x.docx", "正文", Map.of(), List.of(), true));
        texts.keep("ef".repeat(32), "bad.docx", 1000, extraction("bad.docx", "", Map.of(), List.of(), false));

        assertThat(texts.find(SHA, "x.doc", 1000)).isEmpty();
        assertThat(texts.find("ef".repeat(32), "bad.docx", 1000)).isEmpty();
        assertThat(new ExtractedTexts(dir, false, 1000).find(SHA, "x.docx", 1000))
                .isEmpty();
    }

    @Test
    void extractingAfreshIgnoresWhatWasKept() throws Exception {
        ExtractedTexts texts = new ExtractedTexts(dir, true, 1000);
        texts.keep(SHA, "x.docx", 1000, extraction("x.docx", "正文", Map.of(), List.of(), true));

        assertThat(texts.extractingAfresh(() -> texts.find(SHA, "x.docx", 1000)))
                .isEmpty();
        assertThat(texts.find(SHA, "x.docx", 1000)).isPresent();
    }

    @Test
    void anUnreadableKeptFileIsExtractedAgain() throws Exception {
        ExtractedTexts texts = new ExtractedTexts(dir, true, 1000);
        texts.keep(SHA, "x.docx", 1000, extraction("x.docx", "正文", Map.of(), List.of(), true));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(file, "not gzip");
            }
        }

        assertThat(texts.find(SHA, "x.docx", 1000)).isEmpty();
    }

    private static Extraction extraction(
            String name, String text, Map<String, String> metadata, List<Problem> problems, boolean ok) {
        return new Extraction(name, "application/pdf", text, "<p>" + text + "</p>", metadata, problems, ok);
    }
}
