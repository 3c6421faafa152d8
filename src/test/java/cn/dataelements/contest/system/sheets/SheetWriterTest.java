package cn.dataelements.contest.system.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What every export's cells are: text never evaluated as a formula, cut at Excel's limit with a note. */
class SheetWriterTest {

    @Test
    void aFormulaLikeValueStaysTextAndALongOneIsCutWithANote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter()) {
            Sheet sheet = writer.sheet("排名/初赛");
            Row row = writer.row(sheet, 0, "=HYPERLINK(\"http://x\",\"点我\")", "评".repeat(40_000), "-1+2", "港口");
            writer.number(row, 4, new BigDecimal("86.67"));
            writer.write(out);
        }

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("排名_初赛");
            Row row = sheet.getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(row.getCell(1).getStringCellValue())
                    .hasSize(SheetWriter.CELL_LIMIT)
                    .endsWith(SheetWriter.CUT);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(86.67);
        }
    }

    @Test
    void aFileNameSaysTheContestTheRoundTheDayAndWhatItIs() {
        assertThat(SheetWriter.fileName("评分表", "初赛", "zhang/wei"))
                .matches("数据要素×大赛威海选拔赛-初赛-zhang_wei-\\d{4}-\\d{2}-\\d{2}-评分表\\.xlsx");
    }
}
