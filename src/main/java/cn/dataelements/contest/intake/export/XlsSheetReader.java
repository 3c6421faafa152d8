package cn.dataelements.contest.intake.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;

/**
 * The first worksheet of an xls (OLE2, BIFF8), streamed record by record with POI's event API, each cell as the sheet
 * shows it: the workbook is never built in memory.
 */
final class XlsSheetReader {

    private XlsSheetReader() {}

    static void read(Path file, SheetRows rows) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Cells cells = new Cells(rows);
            FormatTrackingHSSFListener formats =
                    new FormatTrackingHSSFListener(new MissingRecordAwareHSSFListener(cells), Locale.ROOT);
            cells.formats = formats;
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        } catch (SheetStop stop) {
            throw stop.reason;
        }
    }

    /** Gathers the first worksheet's cells into rows; later worksheets are ignored. */
    private static final class Cells implements HSSFListener {
        private final SheetRows rows;
        private final List<String> cells = new ArrayList<>();
        private FormatTrackingHSSFListener formats;
        private SSTRecord strings;
        private int worksheets;
        private int formulaColumn = -1;

        Cells(SheetRows rows) {
            this.rows = rows;
        }

        @Override
        public void processRecord(Record record) {
            if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                worksheets++;
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (worksheets == 1) {
                cell(record);
            }
        }

        private void cell(Record record) {
            if (record instanceof LastCellOfRowDummyRecord end) {
                try {
                    rows.row(end.getRow() + 1, List.copyOf(cells));
                } catch (ExportSheetException e) {
                    throw new SheetStop(e);
                }
                cells.clear();
            } else if (record instanceof StringRecord text && formulaColumn >= 0) {
                put(formulaColumn, text.getString());
                formulaColumn = -1;
            } else if (record instanceof CellValueRecordInterface cell) {
                put(cell.getColumn(), value(record));
            }
        }

        private String value(Record record) {
            if (record instanceof LabelSSTRecord label) {
                return strings == null
                        ? ""
                        : strings.getString(label.getSSTIndex()).getString();
            }
            if (record instanceof LabelRecord label) {
                return label.getValue();
            }
            if (record instanceof NumberRecord number) {
                return formats.formatNumberDateCell(number);
            }
            if (record instanceof BoolErrRecord boolErr) {
                return boolErr.isBoolean()
                        ? String.valueOf(boolErr.getBooleanValue()).toUpperCase(Locale.ROOT)
                        : "";
            }
            if (record instanceof FormulaRecord formula) {
                if (formula.getCachedResultTypeEnum() == CellType.STRING) {
                    formulaColumn = formula.getColumn(); // the text comes in the next StringRecord
                    return "";
                }
                return formula.getCachedResultTypeEnum() == CellType.NUMERIC
                        ? formats.formatNumberDateCell(formula)
                        : "";
            }
            return "";
        }

        private void put(int column, String value) {
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
        }
    }
}
