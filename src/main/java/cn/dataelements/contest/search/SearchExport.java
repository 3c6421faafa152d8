package cn.dataelements.contest.search;

import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.system.sheets.SheetWriter;
import cn.dataelements.contest.system.web.Labels;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;

/**
 * A result list as a file: xlsx (POI's streaming workbook, a hundred rows in memory at a time) or csv (UTF-8 with a
 * byte-order mark, so Excel reads the Chinese). A value that starts with {@code = + - @}, a tab or a carriage return is
 * never a formula: quoted in xlsx ({@link SheetWriter}, which also cuts a cell at Excel's 32,767 characters and says
 * so), prefixed with an apostrophe in csv.
 */
public final class SearchExport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SourceTimes.BEIJING);

    /** The columns: a header and how a hit fills it, codes (channels, severities) in words. */
    private record Column(String header, BiFunction<EntrySearch.EntryHit, Labels, String> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("作品编号", (h, words) -> h.id()),
            new Column("作品名称", (h, words) -> h.title()),
            new Column("赛道", (h, words) -> text(h.track())),
            new Column("赛题", (h, words) -> text(h.topic())),
            new Column("申报单位", (h, words) -> join(h.units())),
            new Column("报送渠道", (h, words) -> join(inWords(h.channels(), words))),
            new Column("收件时间（北京时间）", (h, words) -> h.receivedAt() == null ? "" : TIME.format(h.receivedAt())),
            new Column("问题级别", (h, words) -> join(inWords(h.severities(), words))));

    private SearchExport() {}

    public static void csv(List<EntrySearch.EntryHit> hits, Labels words, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(COLUMNS.stream().map(Column::header).toList());
        for (EntrySearch.EntryHit hit : hits) {
            csv.printRecord(COLUMNS.stream()
                    .map(c -> forCsv(c.value().apply(hit, words)))
                    .toList());
        }
        csv.flush();
    }

    public static void xlsx(List<EntrySearch.EntryHit> hits, Labels words, OutputStream out) throws IOException {
        try (SheetWriter workbook = new SheetWriter()) {
            Sheet sheet = workbook.sheet("检索结果");
            workbook.row(sheet, 0, COLUMNS.stream().map(Column::header).toArray(String[]::new));
            for (int r = 0; r < hits.size(); r++) {
                EntrySearch.EntryHit hit = hits.get(r);
                workbook.row(
                        sheet,
                        r + 1,
                        COLUMNS.stream().map(c -> c.value().apply(hit, words)).toArray(String[]::new));
            }
            workbook.write(out);
        }
    }

    static String forCsv(String value) {
        return formulaLike(value) ? "'" + value : value;
    }

    static boolean formulaLike(String value) {
        return SheetWriter.formulaLike(value);
    }

    private static List<String> inWords(List<String> codes, Labels words) {
        return codes == null ? List.of() : codes.stream().map(words::of).toList();
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
            Labels words,
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
        String name = csv
                ? SheetWriter.CONTEST + "-" + LocalDate.now(SourceTimes.BEIJING) + "-作品检索结果.csv"
                : SheetWriter.fileName("作品检索结果");
        response.setContentType(
                csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (csv) {
            SearchExport.csv(hits, words, response.getOutputStream());
        } else {
            SearchExport.xlsx(hits, words, response.getOutputStream());
        }
    }
}
