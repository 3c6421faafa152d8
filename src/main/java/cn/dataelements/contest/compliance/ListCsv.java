package cn.dataelements.contest.compliance;

import cn.dataelements.contest.compliance.ImportReport.RejectedRow;
import cn.dataelements.contest.system.text.ChineseCharsets;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an imported list: CSV with a header row 单位名称,统一社会信用代码[,作品名称], in UTF-8 (with or without BOM) or
 * GBK. Bytes that are valid UTF-8 are read as UTF-8, anything else as GB18030 (a superset of GBK and GB2312), which is
 * what Excel on a Chinese Windows saves.
 */
final class ListCsv {

    static final String UNIT = "单位名称";
    static final String CODE = "统一社会信用代码";
    static final String TITLE = "作品名称";

    /** The rows read and the rows left out. */
    record Parsed(List<ListRow> rows, List<RejectedRow> rejected) {}

    private ListCsv() {}

    static String decode(byte[] bytes) {
        return ChineseCharsets.decode(bytes);
    }

    /**
     * Parses the list.
     *
     * @throws IllegalArgumentException when the header lacks a column the list needs
     */
    static Parsed parse(ListKind kind, byte[] bytes) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        String text = decode(bytes);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            requireColumns(kind, header);
            List<ListRow> rows = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            LineNumbers lines = new LineNumbers(text);
            for (CSVRecord record : parser) {
                row(kind, record, lines.lineAt(firstNonBlank(text, record.getCharacterPosition())), rows, rejected);
            }
            return new Parsed(rows, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("not readable as CSV: " + e.getMessage(), e);
        }
    }

    /**
     * The line a record starts on, as a person sees it in an editor: a quoted field may span lines, and blank lines
     * are skipped, so the record's number is not its line.
     */
    private static final class LineNumbers {

        private final int[] starts;

        LineNumbers(String text) {
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            this.starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineAt(long position) {
            int index = java.util.Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }

    /** The record's own start: the parser's position may lie before blank lines it skipped. */
    private static long firstNonBlank(String text, long position) {
        int i = (int) position;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void requireColumns(ListKind kind, Map<String, Integer> header) {
        List<String> needed = kind == ListKind.PROVINCIAL ? List.of(UNIT, CODE, TITLE) : List.of(UNIT, CODE);
        List<String> missing = needed.stream()
                .filter(c -> header == null || !header.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row lacks " + missing + "; valid: "
                    + String.join(",", needed) + (header == null ? "" : "; found: " + header.keySet()));
        }
    }

    private static void row(ListKind kind, CSVRecord record, int line, List<ListRow> rows, List<RejectedRow> rejected) {
        String unit = value(record, UNIT);
        String code =
                Normalizer.normalize(value(record, CODE), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        String title = kind == ListKind.PROVINCIAL ? value(record, TITLE) : "";
        if (unit.isEmpty() && code.isEmpty()) {
            rejected.add(new RejectedRow(line, "单位名称和统一社会信用代码都为空"));
        } else if (!code.isEmpty() && !CreditCode.isValid(code)) {
            rejected.add(new RejectedRow(line, "统一社会信用代码“" + code + "”不正确"));
        } else if (kind == ListKind.PROVINCIAL && title.isEmpty()) {
            rejected.add(new RejectedRow(line, "作品名称为空"));
        } else {
            rows.add(new ListRow(line, unit, code, title));
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column)
                ? record.get(column).strip()
                : "";
    }
}
