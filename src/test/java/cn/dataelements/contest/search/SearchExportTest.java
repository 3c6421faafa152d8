package cn.dataelements.contest.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.system.sheets.SheetWriter;
import cn.dataelements.contest.system.web.Labels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A result list as csv and xlsx: Chinese readable by Excel, no value ever a formula, no cell over Excel's limit. */
class SearchExportTest {

    private static final Labels WORDS = cn.dataelements.contest.system.web.LabelsTest.labels();

    private static final List<EntrySearch.EntryHit> HITS = List.of(
            hit("e-1", "=HYPERLINK(\"http://x\",\"点我\")", "工业制造"),
            hit("e-2", "海洋牧场".repeat(10_000), "现代农业"),
            hit("e-3", "@SUM(A1)", "-1+1"));

    private static EntrySearch.EntryHit hit(String id, String title, String track) {
        return new EntrySearch.EntryHit(
                id,
                title,
                track,
                "",
                List.of("威海某公司", "+86 单位"),
                List.of("mail"),
                Instant.parse("2024-08-20T01:30:00Z"),
                List.of("blocking"),
                Map.of(),
                List.of(),
                null);
    }

    @Test
    void csvStartsWithAByteOrderMarkAndNeverStartsAValueWithAFormulaSign() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchExport.csv(HITS, WORDS, out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF作品编号,作品名称,赛道");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
        assertThat(csv).contains("'@SUM(A1)").contains("'-1+1").contains("2024-08-20 09:30:00");
        assertThat(csv).doesNotContain(",=").doesNotContain(",@").doesNotContain(",-1");
        assertThat(csv)
                .as("channels and severities in words")
                .contains(",邮箱,")
                .contains(",阻断")
                .doesNotContain("blocking");
    }

    @Test
    void xlsxQuotesFormulaLikeValuesAndCutsOverlongCellsSayingSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchExport.xlsx(HITS, WORDS, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            Cell formula = sheet.getRow(1).getCell(1);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formula.getStringCellValue()).startsWith("=HYPERLINK");
            String cut = sheet.getRow(2).getCell(1).getStringCellValue();
            assertThat(cut).hasSize(SheetWriter.CELL_LIMIT).endsWith(SheetWriter.CUT);
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getQuotePrefixed())
                    .isTrue();
        }
    }
}
