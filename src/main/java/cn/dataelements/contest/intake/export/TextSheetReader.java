package cn.dataelements.contest.intake.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Sheets that are text: an HTML table (what the platform's ".xls" often is) and CSV, each streamed in its charset, row
 * by row: an HTML row is dropped from the document once read, and a CSV record is read one at a time.
 */
final class TextSheetReader {

    private TextSheetReader() {}

    /** The first table's rows ({@code th} and {@code td} cells, as text). */
    static void html(Path file, Charset charset, SheetRows rows) throws IOException, ExportSheetException {
        try (Reader reader = reader(file, charset);
                StreamParser parser = new StreamParser(Parser.htmlParser()).parse(reader, "")) {
            int number = 0;
            Element table = null;
            for (Element element = parser.selectNext("tr, table");
                    element != null;
                    element = parser.selectNext("tr, table")) {
                if (element.tagName().equals("table")) {
                    if (table == null || element == table) {
                        return; // the end of the first table
                    }
                    continue;
                }
                Element owner = element.closest("table");
                if (table == null) {
                    table = owner;
                } else if (owner != table) {
                    continue; // a nested table's row
                }
                List<String> cells = new ArrayList<>();
                for (Element cell : element.select("> th, > td")) {
                    cells.add(cell.text());
                }
                rows.row(++number, cells);
                element.remove();
            }
        }
    }

    /** The records, separated by commas or, when the first line has more tabs than commas, by tabs. */
    static void csv(Path file, Charset charset, SheetRows rows) throws IOException, ExportSheetException {
        char delimiter = delimiter(file, charset);
        try (Reader reader = reader(file, charset)) {
            CSVFormat format =
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
            for (CSVRecord record : format.parse(reader)) {
                rows.row((int) record.getRecordNumber(), record.toList());
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new IOException("not valid CSV: " + e.getMessage(), e);
        }
    }

    private static char delimiter(Path file, Charset charset) throws IOException {
        try (BufferedReader reader = reader(file, charset)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    return line.chars().filter(c -> c == '\t').count()
                                    > line.chars().filter(c -> c == ',').count()
                            ? '\t'
                            : ',';
                }
            }
            return ',';
        }
    }

    /** The file's text in its charset (a byte it cannot decode becomes U+FFFD), without a UTF-8 byte-order mark. */
    private static BufferedReader reader(Path file, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
