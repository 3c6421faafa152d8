package cn.dataelements.contest.intake.export;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first worksheet of an xlsx, streamed row by row with POI's event API (a SAX walk over the sheet's XML), each cell
 * as the sheet shows it: the workbook is never held whole, only its shared strings and styles.
 */
final class XlsxSheetReader {

    private XlsxSheetReader() {}

    static void read(Path file, SheetRows rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IllegalStateException("the workbook has no worksheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, handler(rows), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            } catch (SheetStop stop) {
                throw stop.reason;
            }
        }
    }

    private static XSSFSheetXMLHandler.SheetContentsHandler handler(SheetRows rows) {
        return new XSSFSheetXMLHandler.SheetContentsHandler() {
            private final List<String> cells = new ArrayList<>();
            private int number;

            @Override
            public void startRow(int rowNum) {
                cells.clear();
                number = rowNum + 1;
            }

            @Override
            public void endRow(int rowNum) {
                try {
                    rows.row(number, List.copyOf(cells));
                } catch (ExportSheetException e) {
                    throw new SheetStop(e);
                }
            }

            @Override
            public void cell(String reference, String formattedValue, XSSFComment comment) {
                int column = reference == null ? cells.size() : new CellReference(reference).getCol();
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(formattedValue == null ? "" : formattedValue);
            }
        };
    }
}
