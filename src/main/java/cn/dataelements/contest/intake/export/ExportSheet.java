package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.system.text.ChineseCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registration sheet of an export package, read whatever its name says: the real format is told by the content, since
 * the platform's ".xls" files are often HTML tables or CSV. An xlsx (a zip) and an xls (OLE2) are streamed with POI's
 * event APIs, cells as the sheet shows them (an ID number stays digits, not 3.7E17); text is UTF-8 when it is valid
 * UTF-8 (with or without a byte-order mark) and GB18030, the superset of GBK, otherwise; HTML is its first table;
 * anything else is CSV, separated by commas or, when its header line has more tabs than commas, by tabs. The first row
 * that is not empty is the header; empty rows are skipped; every row keeps its number in the sheet, for the problems
 * that name it. Memory stays bounded ({@link SheetLimits}): a sheet over the size limit is not read, and reading stops
 * at the first row past the row limit; both are refusals that say so.
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
    /** How much of a text sheet tells its charset and whether it is text at all. */
    private static final int SNIFF_BYTES = 1 << 20;

    private ExportSheet() {}

    /** Reads the sheet file; {@code name} is only used in messages. */
    public static Table read(String name, Path file, SheetLimits limits) throws ExportSheetException, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ExportSheetException("登记表 " + name + " 是空文件", "registration sheet " + name + " is empty");
        }
        if (size > limits.maxBytes()) {
            throw new ExportSheetException(
                    "登记表 " + name + " 有 " + (size >> 20) + " MB，超过 " + (limits.maxBytes() >> 20) + " MB 的上限，未读取",
                    "registration sheet " + name + " has " + size + " bytes, over the limit of " + limits.maxBytes());
        }
        byte[] start = start(file);
        Builder table = new Builder(name, limits.maxRows());
        if (startsWith(start, ZIP) || startsWith(start, OLE2)) {
            Format format = startsWith(start, ZIP) ? Format.XLSX : Format.XLS;
            try {
                if (format == Format.XLSX) {
                    XlsxSheetReader.read(file, table);
                } else {
                    XlsSheetReader.read(file, table);
                }
            } catch (ExportSheetException e) {
                throw e;
            } catch (Exception e) {
                throw new ExportSheetException(
                        "登记表 " + name + " 无法作为 " + format + " 读取：文件可能已损坏",
                        "registration sheet " + name + " cannot be read as " + format + ": " + e.getMessage(),
                        e);
            }
            return table.build(format, null);
        }
        Charset charset = ChineseCharsets.charsetOfStart(start, start.length < size);
        String text = new String(start, charset);
        if (text.indexOf('\0') >= 0) {
            throw new ExportSheetException(
                    "登记表 " + name + " 既不是 Excel、HTML 也不是 CSV 文件",
                    "registration sheet " + name + " is neither Excel, HTML nor CSV (binary content)");
        }
        boolean html = text.toLowerCase(Locale.ROOT).contains("<table");
        try {
            if (html) {
                TextSheetReader.html(file, charset, table);
            } else {
                TextSheetReader.csv(file, charset, table);
            }
        } catch (IOException | RuntimeException e) {
            throw new ExportSheetException(
                    "登记表 " + name + " 不是有效的 " + (html ? "HTML 表格" : "CSV") + "：" + e.getMessage(),
                    "registration sheet " + name + " is not valid " + (html ? "HTML" : "CSV") + ": " + e.getMessage(),
                    e);
        }
        return table.build(html ? Format.HTML : Format.CSV, charset);
    }

    /** The rows as they come: the first that is not empty is the header, the others rows, up to the limit. */
    private static final class Builder implements SheetRows {
        private final String name;
        private final int maxRows;
        private List<String> headers;
        private final List<SheetRow> rows = new ArrayList<>();

        Builder(String name, int maxRows) {
            this.name = name;
            this.maxRows = maxRows;
        }

        @Override
        public void row(int number, List<String> raw) throws ExportSheetException {
            List<String> line = raw.stream().map(ExportSheet::clean).toList();
            if (line.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (headers == null) {
                headers = line;
                return;
            }
            if (rows.size() >= maxRows) {
                throw new ExportSheetException(
                        "登记表 " + name + " 超过 " + maxRows + " 行的上限，未读取；请分成几个数据包导入",
                        "registration sheet " + name + " has more than " + maxRows + " rows");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                if (!headers.get(c).isEmpty()) {
                    cells.putIfAbsent(headers.get(c), c < line.size() ? line.get(c) : "");
                }
            }
            rows.add(new SheetRow(number, cells));
        }

        Table build(Format format, Charset charset) throws ExportSheetException {
            if (headers == null || headers.stream().allMatch(String::isEmpty)) {
                throw new ExportSheetException(
                        "登记表 " + name + " 没有表头行", "registration sheet " + name + " has no header row");
            }
            return new Table(format, charset, headers, List.copyOf(rows));
        }
    }

    /** A cell as compared: NFKC (full-width letters and digits made plain), spaces at the ends removed. */
    private static String clean(String cell) {
        return cell == null
                ? ""
                : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    }

    private static byte[] start(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
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
