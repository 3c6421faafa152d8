package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.system.text.ChineseCharsets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A registration sheet of an export package, read whatever its name says: the real format is told by the content, since
 * the platform's ".xls" files are often HTML tables or CSV. An xlsx (a zip) and an xls (OLE2) are read with POI, cells
 * as the sheet shows them (an ID number stays digits, not 3.7E17); text is UTF-8 when it is valid UTF-8 (with or
 * without a byte-order mark) and GB18030, the superset of GBK, otherwise; HTML is its first table; anything else is CSV,
 * separated by commas or, when its header line has more tabs than commas, by tabs. The first row that is not empty is
 * the header; empty rows are skipped; every row keeps its number in the sheet, for the problems that name it.
 */
public final class ExportSheet {

    /** The format the content turned out to be. */
    public enum Format {
        XLSX,
        XLS,
        HTML,
        CSV
    }

    /** One row: its number in the sheet (1 = the first line) and its cells by header. */
    public record SheetRow(int number, Map<String, String> cells) {

        /** The cell under this header, or empty. */
        public String get(String header) {
            return cells.getOrDefault(header, "");
        }
    }

    /** A sheet read: its format, headers in order, and rows. */
    public record Table(Format format, Charset charset, List<String> headers, List<SheetRow> rows) {}

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private ExportSheet() {}

    /** Reads the sheet; {@code name} is only used in messages. */
    public static Table read(String name, byte[] bytes) throws ExportSheetException {
        if (bytes.length == 0) {
            throw new ExportSheetException("登记表 " + name + " 是空文件", "registration sheet " + name + " is empty");
        }
        if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2)) {
            return workbook(name, bytes, startsWith(bytes, ZIP) ? Format.XLSX : Format.XLS);
        }
        Charset charset = ChineseCharsets.charsetOf(bytes);
        String text = ChineseCharsets.decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new ExportSheetException(
                    "登记表 " + name + " 既不是 Excel、HTML 也不是 CSV 文件",
                    "registration sheet " + name + " is neither Excel, HTML nor CSV (binary content)");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("<table")) {
            return html(name, text, charset);
        }
        return csv(name, text, charset);
    }

    private static Table workbook(String name, byte[] bytes, Format format) throws ExportSheetException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ExportSheetException(
                        "登记表 " + name + " 没有工作表", "registration sheet " + name + " has no worksheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter(Locale.ROOT);
            List<List<String>> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (Row row : sheet) {
                List<String> line = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    line.add(cell == null ? "" : cells.formatCellValue(cell));
                }
                lines.add(line);
                numbers.add(row.getRowNum() + 1);
            }
            return table(name, format, null, lines, numbers);
        } catch (IOException | RuntimeException e) {
            throw new ExportSheetException(
                    "登记表 " + name + " 无法作为 " + format + " 读取：文件可能已损坏",
                    "registration sheet " + name + " cannot be read as " + format + ": " + e.getMessage(),
                    e);
        }
    }

    private static Table html(String name, String text, Charset charset) throws ExportSheetException {
        Element table = Jsoup.parse(text).selectFirst("table");
        List<List<String>> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int number = 0;
        for (Element row : table.select("tr")) {
            number++;
            List<String> line = new ArrayList<>();
            for (Element cell : row.select("> th, > td")) {
                line.add(cell.text());
            }
            lines.add(line);
            numbers.add(number);
        }
        return table(name, Format.HTML, charset, lines, numbers);
    }

    private static Table csv(String name, String text, Charset charset) throws ExportSheetException {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == '\t').count()
                        > first.chars().filter(c -> c == ',').count()
                ? '\t'
                : ',';
        List<List<String>> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try {
            CSVFormat format =
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
            for (CSVRecord record : format.parse(new StringReader(text))) {
                lines.add(record.toList());
                numbers.add((int) record.getRecordNumber());
            }
        } catch (IOException | RuntimeException e) {
            throw new ExportSheetException(
                    "登记表 " + name + " 不是有效的 CSV：" + e.getMessage(),
                    "registration sheet " + name + " is not valid CSV: " + e.getMessage(),
                    e);
        }
        return table(name, Format.CSV, charset, lines, numbers);
    }

    private static Table table(
            String name, Format format, Charset charset, List<List<String>> lines, List<Integer> numbers)
            throws ExportSheetException {
        List<String> headers = null;
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i).stream().map(ExportSheet::clean).toList();
            if (line.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (headers == null) {
                headers = line;
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                if (!headers.get(c).isEmpty()) {
                    cells.putIfAbsent(headers.get(c), c < line.size() ? line.get(c) : "");
                }
            }
            rows.add(new SheetRow(numbers.get(i), cells));
        }
        if (headers == null || headers.stream().allMatch(String::isEmpty)) {
            throw new ExportSheetException(
                    "登记表 " + name + " 没有表头行", "registration sheet " + name + " has no header row");
        }
        return new Table(format, charset, headers, rows);
    }

    /** A cell as compared: NFKC (full-width letters and digits made plain), spaces at the ends removed. */
    private static String clean(String cell) {
        return cell == null
                ? ""
                : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
