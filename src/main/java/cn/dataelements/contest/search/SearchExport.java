package cn.dataelements.contest.search;

import cn.dataelements.contest.intake.records.SourceTimes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;

/**
 * A result list as a file: xlsx (POI's streaming workbook, a hundred rows in memory at a time) or csv (UTF-8 with a
 * byte-order mark, so Excel reads the Chinese). A value that starts with {@code = + - @}, a tab or a carriage return is
 * never a formula: quoted in xlsx, prefixed with an apostrophe in csv. An xlsx cell holds at most 32,767 characters: a
 * longer value is cut, and the cell says so.
 */
public final class SearchExport {

    /** Excel's limit on the characters of a cell. */
    static final int CELL_LIMIT = 32_767;

    static final String CUT = "…［内容过长，已截断］";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SourceTimes.BEIJING);

    /** The columns: a header and how a hit fills it. */
    private record Column(String header, Function<EntrySearch.EntryHit, String> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("作品编号", EntrySearch.EntryHit::id),
            new Column("作品名称", EntrySearch.EntryHit::title),
            new Column("赛道", h -> text(h.track())),
            new Column("赛题", h -> text(h.topic())),
            new Column("申报单位", h -> join(h.units())),
            new Column("报送渠道", h -> join(h.channels())),
            new Column("收件时间（北京时间）", h -> h.receivedAt() == null ? "" : TIME.format(h.receivedAt())),
            new Column("问题级别", h -> join(h.severities())));

    private SearchExport() {}

    public static void csv(List<EntrySearch.EntryHit> hits, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(COLUMNS.stream().map(Column::header).toList());
        for (EntrySearch.EntryHit hit : hits) {
            csv.printRecord(
                    COLUMNS.stream().map(c -> forCsv(c.value().apply(hit))).toList());
        }
        csv.flush();
    }

    public static void xlsx(List<EntrySearch.EntryHit> hits, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet("检索结果");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c).header());
            }
            for (int r = 0; r < hits.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String value = cut(COLUMNS.get(c).value().apply(hits.get(r)));
                    var cell = row.createCell(c);
                    cell.setCellValue(value);
                    if (formulaLike(value)) {
                        cell.setCellStyle(quoted);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    static String forCsv(String value) {
        return formulaLike(value) ? "'" + value : value;
    }

    static boolean formulaLike(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    static String cut(String value) {
        return value.length() <= CELL_LIMIT ? value : value.substring(0, CELL_LIMIT - CUT.length()) + CUT;
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("、", values);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Writes every hit of a search as xlsx or csv: what the API's and the pages' exports answer. */
    public static void respond(
            EntrySearch search,
            String format,
            MultiValueMap<String, String> parameters,
            java.util.Set<String> only,
            HttpServletResponse response)
            throws IOException {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is xlsx or csv, not " + format);
        }
        List<EntrySearch.EntryHit> hits;
        try {
            hits = search.all(SearchParameters.request(parameters, EntrySearch.MAX_SIZE, only));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
        String name = "entries-" + LocalDate.now(SourceTimes.BEIJING) + (csv ? ".csv" : ".xlsx");
        response.setContentType(
                csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (csv) {
            SearchExport.csv(hits, response.getOutputStream());
        } else {
            SearchExport.xlsx(hits, response.getOutputStream());
        }
    }
}
