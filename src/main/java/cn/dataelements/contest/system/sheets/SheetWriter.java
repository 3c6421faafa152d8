package cn.dataelements.contest.system.sheets;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every spreadsheet the app writes (search results, rankings, the award list, score sheets, the exam ranking) goes
 * through here: POI's streaming workbook, a hundred rows in memory at a time. A value is never a formula: one that
 * starts with {@code = + - @}, a tab or a carriage return is written quote-prefixed, as text Excel will not evaluate. A
 * cell holds at most 32,767 characters (Excel's limit): a longer value is cut and says so. File names carry the
 * contest, the round when there is one, the day and what the file is.
 */
public final class SheetWriter implements Closeable {

    /** Excel's limit on the characters of a cell. */
    public static final int CELL_LIMIT = 32_767;

    public static final String CUT = "…［内容过长，已截断］";

    /** The contest, as file names and titles give it. */
    public static final String CONTEST = "数据要素×大赛威海选拔赛";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final CellStyle quoted;

    public SheetWriter() {
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
    }

    /** A new sheet; Excel's characters not allowed in a sheet name are replaced. */
    public Sheet sheet(String name) {
        return workbook.createSheet(name.replaceAll("[\\\\/?*\\[\\]:]", "_"));
    }

    /** A row of text cells from column 0; a null value leaves its cell empty. */
    public Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                text(row, c, values[c]);
            }
        }
        return row;
    }

    /** A text cell, never a formula, cut at the cell limit. */
    public Cell text(Row row, int column, String value) {
        String shown = cut(value == null ? "" : value);
        Cell cell = row.createCell(column);
        cell.setCellValue(shown);
        if (formulaLike(shown)) {
            cell.setCellStyle(quoted);
        }
        return cell;
    }

    /** A number cell. */
    public Cell number(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        return cell;
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    public static boolean formulaLike(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    public static String cut(String value) {
        return value.length() <= CELL_LIMIT ? value : value.substring(0, CELL_LIMIT - CUT.length()) + CUT;
    }

    /**
     * A download's name: the contest, the parts given (the round's name, a reviewer), today in Beijing and what it is:
     * 数据要素×大赛威海选拔赛-初赛-2026-12-07-排名.xlsx.
     */
    public static String fileName(String what, String... parts) {
        List<String> name = new ArrayList<>();
        name.add(CONTEST);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                name.add(part.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
            }
        }
        name.add(LocalDate.now(BEIJING).toString());
        name.add(what);
        return String.join("-", name) + ".xlsx";
    }
}
