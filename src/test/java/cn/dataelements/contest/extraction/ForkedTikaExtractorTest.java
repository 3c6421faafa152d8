package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.extraction.fixtures.ExtractionFixtures;
import cn.dataelements.contest.submission.Problem;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

/** Drives real child JVMs over the committed fixtures made by {@link ExtractionFixtures}. */
class ForkedTikaExtractorTest extends WithExtractionChild {

    @Test
    void docxKeepsChineseHeadingsTableAndListInTextAndXhtml() {
        Extraction e = extract("form-headings-and-table.docx");

        assertThat(e.ok()).isTrue();
        assertThat(e.problems()).isEmpty();
        assertThat(e.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(e.text()).contains("一、作品概述", "本作品利用港口与海洋渔业数据", "威海市大数据中心", "海洋气象观测数据");
        assertThat(e.xhtml()).contains("<h1>一、作品概述</h1>", "<h2>三、数据来源</h2>", "<table", "<td><p>威海市大数据中心</p>", "<p>");
        assertThat(e.metadata())
                .containsEntry(Extraction.TITLE, "威海市数据要素应用大赛参赛申报书")
                .containsEntry(Extraction.AUTHOR, "海洋数据团队")
                .containsEntry(Extraction.CREATED, "2025-03-01T09:00:00Z");
    }

    @Test
    void spreadsheetCellsBecomeTableCells() {
        Extraction e = extract("spreadsheet-members.xlsx");

        assertThat(e.ok()).isTrue();
        assertThat(e.text()).contains("团队成员", "李娜", "13806310001");
        assertThat(e.xhtml()).contains("<td>王强</td>");
    }

    @Test
    void chinesePdfTextIsRead() {
        Extraction e = extract("chinese-text.pdf");

        assertThat(e.ok()).isTrue();
        assertThat(e.mediaType()).isEqualTo("application/pdf");
        assertThat(e.text()).contains("一、作品概述", "渔船平均等待时间缩短百分之二十");
        assertThat(e.metadata())
                .containsEntry(Extraction.TITLE, "威海市数据要素应用大赛作品说明")
                .containsEntry(Extraction.PAGE_COUNT, "1");
    }

    @Test
    void aPdfWithAScannedPageIsReadNotCorrupt() throws Exception {
        // A proof as teams send them: a text page and a scanned page (an image, no text). Tika's default OCR strategy
        // looks for an OCR parser on such a page, and without one in the context failed the whole file.
        Path scanned = temp.resolve("营业执照-扫描件.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf =
                org.apache.pdfbox.Loader.loadPDF(fixture("chinese-text.pdf").toFile())) {
            java.awt.image.BufferedImage scan =
                    new java.awt.image.BufferedImage(200, 280, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.util.Random noise = new java.util.Random(1);
            for (int y = 0; y < scan.getHeight(); y++) {
                for (int x = 0; x < scan.getWidth(); x++) {
                    scan.setRGB(x, y, noise.nextInt(0x1000000));
                }
            }
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                    new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.drawImage(
                        org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, scan),
                        50,
                        50,
                        400,
                        560);
            }
            pdf.save(scanned.toFile());
        }

        Extraction e = extractor.extract(scanned, "营业执照-扫描件.pdf");

        assertThat(codes(e)).isEmpty();
        assertThat(e.ok()).isTrue();
        assertThat(e.text()).contains("一、作品概述");
        assertThat(e.metadata()).containsEntry(Extraction.PAGE_COUNT, "2");
    }

    @Test
    void embeddedDocumentsAreLeftToTheApplication() throws Exception {
        // Guard that the fixture really embeds something Tika would read when allowed to recurse.
        assertThat(parseInProcessWithRecursion(fixture("docx-with-embedded-xlsx.docx")))
                .contains(ExtractionFixtures.EMBEDDED_ONLY_TEXT);

        Extraction e = extract("docx-with-embedded-xlsx.docx");

        assertThat(e.ok()).isTrue();
        assertThat(e.text()).contains("附件：成员名单见嵌入的工作表。");
        assertThat(e.text() + e.xhtml()).doesNotContain(ExtractionFixtures.EMBEDDED_ONLY_TEXT);
    }

    @Test
    void passwordProtectedDocxIsReportedAsEncrypted() {
        Extraction e = extract("encrypted-agile.docx");

        assertThat(e.ok()).isFalse();
        assertThat(e.text()).isEmpty();
        assertThat(codes(e)).containsExactly("EXTRACTION_ENCRYPTED");
        assertThat(e.problems().get(0).messageZh()).isEqualTo("文件已加密，无法读取内容，原件已保存。");
        assertThat(e.problems().get(0).location()).isEqualTo("encrypted-agile.docx");
    }

    @Test
    void passwordProtectedPdfIsReportedAsEncrypted() {
        assertThat(codes(extract("encrypted.pdf"))).containsExactly("EXTRACTION_ENCRYPTED");
    }

    @Test
    void truncatedAndRandomDocxAreReportedAsCorrupt() {
        Extraction truncated = extract("truncated.docx");
        Extraction random = extract("random-bytes.docx");

        assertThat(truncated.ok()).isFalse();
        assertThat(codes(truncated)).containsExactly("EXTRACTION_CORRUPT");
        assertThat(random.ok()).isFalse();
        assertThat(codes(random)).containsExactly("EXTRACTION_CORRUPT");
    }

    @Test
    void timeoutKillsTheChildAndTheNextDocumentIsReadByAFreshOne() {
        extract("spreadsheet-members.xlsx");
        List<Long> before = extractor.idleChildPids();

        Extraction slow = extractor.extract(
                fixture("form-headings-and-table.docx"), "form-headings-and-table.docx", Duration.ofMillis(1));
        Extraction next = extract("form-headings-and-table.docx");

        assertThat(slow.ok()).isFalse();
        assertThat(codes(slow)).containsExactly("EXTRACTION_TIMEOUT");
        assertThat(before).hasSize(1);
        assertThat(ProcessHandle.of(before.get(0)).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(next.ok()).isTrue();
        assertThat(next.text()).contains("一、作品概述");
        assertThat(extractor.idleChildPids()).doesNotContainAnyElementsOf(before);
    }

    @Test
    void documentThatExhaustsTheChildHeapIsReportedAndTheChildReplaced() throws Exception {
        // 40,000 paragraphs of random Chinese: about 3.6 MB of docx whose XML tree needs far more than 40 MB.
        Path hungry = temp.resolve("heap-hungry.docx");
        ExtractionFixtures.writeHeapHungryDocx(hungry, 40_000);
        try (ForkedTikaExtractor tight = new ForkedTikaExtractor(
                new ExtractionSettings(Duration.ofSeconds(30), "40m", 100_000, temp.resolve("tight"), 1))) {
            Extraction e = tight.extract(hungry, "heap-hungry.docx");
            Extraction next = tight.extract(fixture("chinese-text.pdf"), "chinese-text.pdf");

            assertThat(e.ok()).isFalse();
            assertThat(codes(e)).containsExactly("EXTRACTION_OUT_OF_MEMORY");
            assertThat(next.ok()).isTrue();
            assertThat(next.text()).contains("一、作品概述");
        }
    }

    @Test
    void longTextIsCutAndXhtmlStaysClosed() {
        try (ForkedTikaExtractor small = new ForkedTikaExtractor(
                new ExtractionSettings(Duration.ofSeconds(30), "256m", 20, temp.resolve("small"), 1))) {
            Extraction e = small.extract(fixture("form-headings-and-table.docx"), "form-headings-and-table.docx");

            assertThat(e.ok()).isTrue();
            assertThat(e.text()).hasSizeLessThanOrEqualTo(20).startsWith("一、作品概述");
            assertThat(e.metadata()).containsEntry(Extraction.TRUNCATED, "true");
            assertThat(codes(e)).containsExactly("EXTRACTION_TRUNCATED");
            assertThat(e.xhtml()).endsWith("</html>");
        }
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        Extraction e = extractor.extract(temp.resolve("nothing-here.docx"), "nothing-here.docx");

        assertThat(codes(e)).containsExactly("EXTRACTION_FAILED");
    }

    private static Extraction extract(String name) {
        return extractor.extract(fixture(name), name);
    }

    static Path fixture(String name) {
        try {
            return Path.of(ForkedTikaExtractorTest.class
                    .getResource("/extraction/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> codes(Extraction e) {
        return e.problems().stream().map(Problem::code).toList();
    }

    private static String parseInProcessWithRecursion(Path file) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, new Metadata(), context);
        }
        return handler.toString();
    }
}
