package cn.dataelements.contest.intake.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.dataelements.contest.intake.export.ExportSheet.Format;
import cn.dataelements.contest.intake.export.ExportSheet.Table;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration sheet is read by what it is, not by what its name says, streamed within its limits: a sheet over its
 * size or with more rows than allowed is refused, saying which limit, in every format.
 */
class ExportSheetTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void aSheetWithMoreRowsThanItsLimitIsRefusedInEveryFormat() throws Exception {
        byte[] html = "<table><tr><th>姓名</th></tr><tr><td>甲</td></tr><tr><td>乙</td></tr><tr><td>丙</td></tr></table>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] csv = "姓名\n甲\n乙\n丙\n".getBytes(StandardCharsets.UTF_8);
        for (byte[] sheet : List.of(workbook(new XSSFWorkbook()), workbook(new HSSFWorkbook()), html, csv)) {
            assertThat(read("登记表.xls", sheet, new SheetLimits(1 << 20, 3)).rows())
                    .hasSizeLessThanOrEqualTo(3);
            ExportSheetException refused = catchThrowableOfType(
                    ExportSheetException.class, () -> read("登记表.xls", sheet, new SheetLimits(1 << 20, 1)));
            assertThat(refused.messageForPeople()).contains("超过 1 行的上限");
        }
        assertThat(read("登记表.csv", csv, new SheetLimits(1 << 20, 3)).rows())
                .as("as many rows as the limit is no refusal")
                .hasSize(3);
    }

    @Test
    void aSheetOverItsSizeLimitIsNotReadAndSaysSo() {
        byte[] csv = "姓名,单位\n于明远,威海市大数据中心\n".getBytes(StandardCharsets.UTF_8);

        ExportSheetException refused =
                catchThrowableOfType(ExportSheetException.class, () -> read("登记表.csv", csv, new SheetLimits(10, 100)));

        assertThat(refused.messageForPeople()).contains("登记表.csv").contains("上限");
    }

    @Test
    void aLargeXlsxIsStreamedRowByRow() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("登记表");
            sheet.createRow(0).createCell(0).setCellValue("作品名称");
            for (int r = 1; r <= 15_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("作品" + r);
            }
            Path file = dir.resolve("大表.xlsx");
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            Table table = ExportSheet.read("大表.xlsx", file, SheetLimits.DEFAULT);

            assertThat(table.rows()).hasSize(15_000);
            assertThat(table.rows().get(14_999).get("作品名称")).isEqualTo("作品15000");
            assertThat(table.rows().get(14_999).number()).isEqualTo(15_001);
        }
    }

    private Table read(String name, byte[] bytes) throws Exception {
        return read(name, bytes, SheetLimits.DEFAULT);
    }

    private Table read(String name, byte[] bytes, SheetLimits limits) throws Exception {
        Path file = Files.createTempFile(dir, "sheet-", ".bin");
        Files.write(file, bytes);
        return ExportSheet.read(name, file, limits);
    }

    @Test
    void anXlsxAndAnXlsKeepIdNumbersAsDigits() throws Exception {
        for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            Table table = read("登记表.xls", workbook(workbook));

            assertThat(table.format()).isEqualTo(workbook instanceof XSSFWorkbook ? Format.XLSX : Format.XLS);
            assertThat(table.headers()).containsExactly("姓名", "单位", "身份证号", "成绩", "附件");
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(0).number()).isEqualTo(2);
            assertThat(table.rows().get(0).get("身份证号")).isEqualTo("371002199001011234");
            assertThat(table.rows().get(1).number())
                    .as("the empty row is skipped, numbers kept")
                    .isEqualTo(4);
            assertThat(table.rows().get(1).get("成绩")).isEqualTo("92.5");
        }
    }

    @Test
    void anHtmlTableNamedXlsInGbkIsReadAsHtml() throws Exception {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>
                <table border="1"><tr><th>姓名</th><th>单位</th><th>附件</th></tr>
                <tr><td> 王丽娜 </td><td>威海市大数据中心</td><td>files/王丽娜.pdf</td></tr></table></body></html>
                """;

        Table table = read("登记表.xls", html.getBytes(GBK));

        assertThat(table.format()).isEqualTo(Format.HTML);
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("姓名")).isEqualTo("王丽娜");
            assertThat(row.get("附件")).isEqualTo("files/王丽娜.pdf");
        });
    }

    @Test
    void aCsvInGbkAndATabSeparatedUtf8WithBomAreRead() throws Exception {
        Table gbk = read("登记表.csv", "姓名,单位,成绩\r\n于明远,\"威海市文登区, 大数据局\",88\r\n".getBytes(GBK));
        byte[] tsv = ("\uFEFF姓名\t单位\t成绩\n杨文博\t荣成市政务服务中心\t９０\n").getBytes(StandardCharsets.UTF_8);
        Table utf8 = read("登记表.xls", tsv);

        assertThat(gbk.format()).isEqualTo(Format.CSV);
        assertThat(gbk.charset().name()).isEqualTo("GB18030");
        assertThat(gbk.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.get("单位")).isEqualTo("威海市文登区, 大数据局"));
        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8.headers()).containsExactly("姓名", "单位", "成绩");
        assertThat(utf8.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.get("成绩"))
                        .as("full-width digits made plain")
                        .isEqualTo("90"));
    }

    @Test
    void anEmptyFileABinaryOneAndACorruptWorkbookSaySoInChinese() {
        byte[] corrupt = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] binary = {1, 0, 2, 0, 3, 0, 4};

        assertThat(catchThrowableOfType(ExportSheetException.class, () -> read("a.xls", new byte[0]))
                        .messageForPeople())
                .contains("空文件");
        assertThat(catchThrowableOfType(ExportSheetException.class, () -> read("b.xls", binary))
                        .messageForPeople())
                .contains("既不是 Excel、HTML 也不是 CSV");
        ExportSheetException broken = catchThrowableOfType(ExportSheetException.class, () -> read("c.xlsx", corrupt));
        assertThat(broken.messageForPeople()).contains("c.xlsx").contains("XLSX");
        assertThat(broken.getMessage()).startsWith("registration sheet c.xlsx cannot be read as XLSX");
    }

    private static byte[] workbook(Workbook workbook) throws Exception {
        try (workbook) {
            Sheet sheet = workbook.createSheet("登记表");
            String[] headers = {"姓名", "单位", "身份证号", "成绩", "附件"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("于明远");
            first.createCell(1).setCellValue("威海市大数据中心");
            first.createCell(2).setCellValue("371002199001011234");
            first.createCell(3).setCellValue(88);
            first.createCell(4).setCellValue("于明远.pdf");
            sheet.createRow(2);
            Row third = sheet.createRow(3);
            third.createCell(0).setCellValue("王丽娜");
            third.createCell(3).setCellValue(92.5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
