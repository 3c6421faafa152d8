package cn.dataelements.contest.review;

import cn.dataelements.contest.system.sheets.SheetWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A round's score sheet for one reviewer, made by the app (one row per assigned entry by the round's code, a column per criterion with its
 * range, a comment) and read back with POI. A sheet is taken whole or not at all: a formula, text such as "85分", a
 * value out of range, a row half filled or an entry not assigned to the reviewer is reported by sheet, row and column,
 * and then nothing of that sheet is taken. A row with no score at all is a score not given yet.
 */
@Component
public class ScoreSheets {

    static final String SHEET = "评分表";
    static final String ABOUT = "说明";
    private static final int FIRST_CRITERION = 3;

    /** A sheet read back: its scores, or what is wrong with it (then no scores). */
    public record Reading(List<Score> scores, List<String> problems) {}

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final Packets packets;

    ScoreSheets(Rounds rounds, Assignments assignments, Scores scores, Packets packets) {
        this.packets = packets;
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
    }

    public void write(String roundKey, String reviewer, OutputStream out) throws IOException {
        ReviewPlan.Round round = rounds.round(roundKey);
        try (SheetWriter workbook = new SheetWriter()) {
            Sheet sheet = workbook.sheet(SHEET);
            Row header = workbook.row(sheet, 0, "评审编号", "作品名称", "赛道");
            for (int c = 0; c < round.criteria().size(); c++) {
                ReviewPlan.Criterion criterion = round.criteria().get(c);
                workbook.text(
                        header,
                        FIRST_CRITERION + c,
                        criterion.name() + "（" + criterion.min().toPlainString() + "–"
                                + criterion.max().toPlainString() + "）");
            }
            workbook.text(header, FIRST_CRITERION + round.criteria().size(), "评语");
            int r = 1;
            for (Assignment assignment : assignments.ofReviewer(reviewer)) {
                if (!assignment.round().equals(roundKey)) {
                    continue;
                }
                Optional<RoundEntry> entry = rounds.entry(roundKey, assignment.entryId());
                Row row = workbook.row(
                        sheet,
                        r++,
                        entry.map(RoundEntry::code).orElse(""),
                        entry.isEmpty() ? "" : packets.title(entry.get(), round.blind()),
                        entry.map(RoundEntry::trackName).orElse(""));
                Optional<Score> given = scores.of(roundKey, assignment.entryId(), reviewer);
                for (int c = 0; c < round.criteria().size(); c++) {
                    String key = round.criteria().get(c).key();
                    BigDecimal value = given.map(s -> s.criteria().get(key)).orElse(null);
                    if (value != null) {
                        workbook.number(row, FIRST_CRITERION + c, value);
                    }
                }
                workbook.text(
                        row,
                        FIRST_CRITERION + round.criteria().size(),
                        given.map(Score::comment).orElse(""));
            }
            for (int c = 0; c <= FIRST_CRITERION + round.criteria().size(); c++) {
                sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 16 * 256);
            }
            Sheet about = workbook.sheet(ABOUT);
            workbook.row(about, 0, "轮次", roundKey);
            workbook.row(about, 1, "评审专家", reviewer);
            workbook.row(about, 2, "填写说明", "每项填写范围内的数字，不要填写公式或“分”等文字；未评的作品整行留空。");
            workbook.write(out);
        }
    }

    /**
     * Reads the reviewer's sheet and records its scores when every cell is good; with any problem nothing is taken and
     * the reading says why. Pages and the API take sheets through here.
     */
    public Reading importSheet(String roundKey, String reviewer, byte[] xlsx, String fileName, String by) {
        return importSheet(roundKey, reviewer, xlsx, fileName, by, null);
    }

    /**
     * As {@link #importSheet(String, String, byte[], String, String)}; when {@code by} is not the reviewer, the scores
     * are 代录 and {@code scan} (the signed paper sheet) is required.
     */
    public Reading importSheet(
            String roundKey, String reviewer, byte[] xlsx, String fileName, String by, ProxyScans.Scan scan) {
        Reading reading = read(roundKey, reviewer, xlsx, fileName, by);
        if (reading.problems().isEmpty()) {
            scores.record(reading.scores(), scan);
        }
        return reading;
    }

    /** Reads a sheet the app made for the reviewer; nothing is recorded here. */
    public Reading read(String roundKey, String reviewer, byte[] xlsx, String fileName, String by) {
        ReviewPlan.Round round = rounds.round(roundKey);
        List<String> problems = new ArrayList<>();
        List<Score> read = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return new Reading(List.of(), List.of("文件中没有“" + SHEET + "”工作表，请使用系统导出的评分表。"));
            }
            checkAbout(workbook.getSheet(ABOUT), roundKey, reviewer, problems);
            checkHeader(sheet.getRow(0), round, problems);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Optional<Score> score = row(row, round, roundKey, reviewer, fileName, by, problems);
                if (score.isPresent() && !seen.add(score.get().entryId())) {
                    problems.add(where(r, 0) + "（评审编号）：“" + text(row.getCell(0)) + "”在表中出现了两次");
                }
                score.ifPresent(read::add);
            }
        } catch (IOException | RuntimeException e) {
            return new Reading(List.of(), List.of("无法读取评分表（" + fileName + "）：它不是有效的 xlsx 文件。"));
        }
        return problems.isEmpty() ? new Reading(read, List.of()) : new Reading(List.of(), problems);
    }

    /** The sheet says which round and reviewer it was made for: another's sheet is refused, not read. */
    private static void checkAbout(Sheet about, String roundKey, String reviewer, List<String> problems) {
        String round = about == null ? "" : text(cellAt(about, 0, 1));
        String made = about == null ? "" : text(cellAt(about, 1, 1));
        if (!round.equals(roundKey) || !made.equals(reviewer)) {
            problems.add(ABOUT + " 工作表：这张评分表是为“" + round + "”轮次的 " + made + " 生成的，不是 " + roundKey + " 轮次的 " + reviewer
                    + "，请下载本轮次自己的评分表。");
        }
    }

    private static Cell cellAt(Sheet sheet, int row, int column) {
        return sheet.getRow(row) == null ? null : sheet.getRow(row).getCell(column);
    }

    private static void checkHeader(Row header, ReviewPlan.Round round, List<String> problems) {
        for (int c = 0; c < round.criteria().size(); c++) {
            Cell cell = header == null ? null : header.getCell(FIRST_CRITERION + c);
            String text = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
            if (!text.startsWith(round.criteria().get(c).name())) {
                problems.add(where(0, FIRST_CRITERION + c) + "：表头应为“"
                        + round.criteria().get(c).name() + "”，请使用系统导出的评分表，不要增删或移动列。");
            }
        }
    }

    private Optional<Score> row(
            Row row,
            ReviewPlan.Round round,
            String roundKey,
            String reviewer,
            String fileName,
            String by,
            List<String> problems) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> rowProblems = new ArrayList<>();
        int filled = 0;
        for (int c = 0; c < round.criteria().size(); c++) {
            ReviewPlan.Criterion criterion = round.criteria().get(c);
            Cell cell = row.getCell(FIRST_CRITERION + c);
            if (cell == null
                    || cell.getCellType() == CellType.BLANK
                    || (cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().isBlank())) {
                rowProblems.add(where(row.getRowNum(), FIRST_CRITERION + c) + "（" + criterion.name() + "）：未填写");
                continue;
            }
            filled++;
            cellValue(cell, criterion, rowProblems).ifPresent(v -> values.put(criterion.key(), v));
        }
        String code = text(row.getCell(0));
        if (filled == 0) {
            return Optional.empty();
        }
        problems.addAll(rowProblems);
        String entryId = rounds.byCode(roundKey, code)
                .map(RoundEntry::entryId)
                .filter(id -> assignments.assigned(roundKey, id, reviewer))
                .orElse(null);
        if (entryId == null) {
            problems.add(where(row.getRowNum(), 0) + "（评审编号）：“" + code + "”不是分配给 " + reviewer + " 的作品");
            return Optional.empty();
        }
        String comment = text(row.getCell(FIRST_CRITERION + round.criteria().size()));
        return rowProblems.isEmpty()
                ? Optional.of(Scores.score(roundKey, entryId, reviewer, values, comment, fileName, by))
                : Optional.empty();
    }

    private static Optional<BigDecimal> cellValue(Cell cell, ReviewPlan.Criterion criterion, List<String> problems) {
        String at = where(cell.getRowIndex(), cell.getColumnIndex()) + "（" + criterion.name() + "）";
        BigDecimal value;
        if (cell.getCellType() == CellType.FORMULA) {
            problems.add(at + "：是公式“" + cell.getCellFormula() + "”，请填写数字");
            return Optional.empty();
        } else if (cell.getCellType() == CellType.NUMERIC
                && (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                        || cell.getCellStyle().getDataFormatString().contains("%"))) {
            problems.add(at + "：单元格是日期或百分比格式，请改为常规格式并填写数字");
            return Optional.empty();
        } else if (cell.getCellType() == CellType.NUMERIC) {
            value = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        } else if (cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().strip().matches("\\d+(\\.\\d+)?")) {
            value = new BigDecimal(cell.getStringCellValue().strip());
        } else {
            problems.add(at + "：“" + text(cell) + "”不是数字，请只填写数字（不要带“分”等文字）");
            return Optional.empty();
        }
        Optional<String> problem = criterion.problem(value);
        if (problem.isPresent()) {
            problems.add(at + "：" + problem.get());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC ->
                BigDecimal.valueOf(cell.getNumericCellValue())
                        .stripTrailingZeros()
                        .toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    /** 评分表 第 3 行 D 列: what a person finds in Excel. */
    static String where(int rowIndex, int columnIndex) {
        return SHEET + " 第 " + (rowIndex + 1) + " 行 " + CellReference.convertNumToColString(columnIndex) + " 列";
    }
}
