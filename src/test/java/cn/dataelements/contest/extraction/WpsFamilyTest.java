package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WPS Office's own names for its files, as government offices send them: {@code .wps} (文字), {@code .et} (表格) and
 * {@code .dps} (演示) hold an OLE2 or OOXML Office document inside, and are read by what is inside, whatever the name
 * says. A file of that name that is no document is named as such, never read as empty.
 */
class WpsFamilyTest {

    @TempDir
    static Path dir;

    private static final ChildParser PARSER = new ChildParser();

    @BeforeAll
    static void safety() {
        OoxmlSafety.apply();
    }

    private static ChildReply parse(Path file) {
        return PARSER.parse(
                new ChildProtocol.Request(file.toString(), file.getFileName().toString(), 100_000));
    }

    @Test
    void aWpsThatIsOle2WordInsideIsReadAsWord() throws IOException {
        Path wps = dir.resolve("作品申报书.wps");
        Files.copy(
                Path.of("src/test/resources/forms/02-plain-paragraphs-arabic-dot.doc"),
                wps,
                StandardCopyOption.REPLACE_EXISTING);

        ChildReply reply = parse(wps);

        assertThat(reply.status()).isEqualTo(ChildReply.Status.OK);
        assertThat(reply.mediaType()).isEqualTo("application/msword");
        assertThat(reply.text()).contains("海洋牧场数据智能平台");
    }

    @Test
    void aWpsThatIsOoxmlInsideIsReadAsWord() throws IOException {
        Path wps = dir.resolve("新版申报书.wps");
        try (XWPFDocument document = new XWPFDocument();
                var out = Files.newOutputStream(wps)) {
            document.createParagraph().createRun().setText("威海市海洋牧场数据平台申报书");
            document.write(out);
        }

        ChildReply reply = parse(wps);

        assertThat(reply.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(reply.text()).contains("威海市海洋牧场数据平台申报书");
    }

    @Test
    void anEtThatIsOle2ExcelInsideIsReadAsExcel() throws IOException {
        Path et = dir.resolve("财务数据.et");
        try (HSSFWorkbook workbook = new HSSFWorkbook();
                var out = Files.newOutputStream(et)) {
            workbook.createSheet("营收").createRow(0).createCell(0).setCellValue("2023年营业收入5200万元");
            workbook.write(out);
        }

        ChildReply reply = parse(et);

        assertThat(reply.mediaType()).isEqualTo("application/vnd.ms-excel");
        assertThat(reply.text()).contains("2023年营业收入5200万元");
    }

    @Test
    void aDpsThatIsOle2PowerPointInsideIsReadAsPowerPoint() throws IOException {
        Path dps = dir.resolve("路演材料.dps");
        try (HSLFSlideShow slides = new HSLFSlideShow();
                var out = Files.newOutputStream(dps)) {
            slides.createSlide().addTitle().setText("海洋牧场数据平台路演");
            slides.write(out);
        }

        ChildReply reply = parse(dps);

        assertThat(reply.mediaType()).isEqualTo("application/vnd.ms-powerpoint");
        assertThat(reply.text()).contains("海洋牧场数据平台路演");
    }

    @Test
    void anEtThatIsNoDocumentIsNamedSoNotReadAsEmpty() throws IOException {
        Path et = dir.resolve("损坏的表格.et");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0;
        Files.write(et, noise);

        ChildReply reply = parse(et);

        assertThat(reply.status()).as(reply.detail()).isNotEqualTo(ChildReply.Status.OK);
        assertThat(reply.detail()).isNotBlank();
    }
}
