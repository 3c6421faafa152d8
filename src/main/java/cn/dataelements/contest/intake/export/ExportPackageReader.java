package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.exam.ExamResult;
import cn.dataelements.contest.extraction.ArchiveExpander;
import cn.dataelements.contest.extraction.ArchiveLimits;
import cn.dataelements.contest.extraction.ArchiveProblems;
import cn.dataelements.contest.extraction.ExpandedFile;
import cn.dataelements.contest.extraction.ExpansionResult;
import cn.dataelements.contest.intake.records.MappingProblem;
import cn.dataelements.contest.intake.records.RecordBundle;
import cn.dataelements.contest.intake.records.RecordValues;
import cn.dataelements.contest.intake.records.Registration;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an export package, a folder or a zip, by its mapping: finds its registration sheet (the shallowest sheet whose
 * header has the mapping's columns, in whatever real format, streamed within its limits), reads each row into a
 * registration, and joins each row to the files its files column names, found only inside the package, by path or by
 * a unique file name ({@link PackageFiles}). A row naming a file the package lacks (or two files of the name), and a
 * file no row names, are each reported. A package without such a sheet is refused as a whole.
 */
public class ExportPackageReader {

    private static final Set<String> SHEET_TYPES = Set.of("xlsx", "xls", "csv", "txt", "htm", "html");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveExpander expander;
    private final String doneMarker;
    private final SheetLimits limits;

    public ExportPackageReader(ArchiveExpander expander, String doneMarker, SheetLimits limits) {
        this.expander = expander;
        this.doneMarker = doneMarker;
        this.limits = limits;
    }

    /** Reads the package; a zip is unpacked into {@code work} first. */
    public ExportPackage read(Path entry, SourceMapping mapping, Path work) throws ExportSheetException, IOException {
        String name = entry.getFileName().toString();
        List<String> problems = new ArrayList<>();
        Path root = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? entry : unpack(entry, work, problems);
        PackageFiles files = PackageFiles.of(root);
        List<String> columns = new ArrayList<>(mapping.fields().sourceKeys());
        columns.add(mapping.sheet().filesColumn());
        Sheet sheet = sheet(name, files.all(), mapping.name(), columns);
        Instant exported = Files.getLastModifiedTime(entry).toInstant();
        Set<String> claimed = new LinkedHashSet<>(List.of(sheet.path()));
        List<ExportPackage.Row> rows = new ArrayList<>();
        for (ExportSheet.SheetRow row : sheet.table().rows()) {
            rows.add(row(files, sheet, row, mapping, exported, claimed));
        }
        List<String> unclaimed = files.all().keySet().stream()
                .filter(path -> !claimed.contains(path))
                .filter(path -> !Path.of(path).getFileName().toString().equals(doneMarker))
                .toList();
        return new ExportPackage(name, sheet.path(), sheet.table().format(), rows, unclaimed, problems);
    }

    /**
     * A 数字技能 score sheet as read: each exam's results (by the sheet's exam column, else all under
     * {@code defaultExam}), the sheet's bytes as received, and what is wrong with single rows.
     */
    public record ScoreSheet(
            String name, String sheet, byte[] bytes, Map<String, List<ExamResult>> byExam, List<String> problems) {}

    /** Reads a package holding a score sheet: the shallowest sheet with the mapping's exam columns. */
    public ScoreSheet readScores(Path entry, SourceMapping mapping, Path work, String defaultExam)
            throws ExportSheetException, IOException {
        String name = entry.getFileName().toString();
        List<String> problems = new ArrayList<>();
        Path root = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? entry : unpack(entry, work, problems);
        Map<String, Path> files = PackageFiles.of(root).all();
        SourceMapping.ExamColumns columns = mapping.exam();
        Sheet sheet = sheet(name, files, mapping.name(), columns.columns());
        Map<String, List<ExamResult>> byExam = new LinkedHashMap<>();
        for (ExportSheet.SheetRow row : sheet.table().rows()) {
            String scoreText = cell(row, columns.score());
            BigDecimal score = score(scoreText);
            if (score == null) {
                problems.add("第 " + row.number() + " 行的成绩“" + scoreText + "”不是数字");
            }
            String timeText = cell(row, columns.examTime());
            Instant time = SourceTimes.parse(timeText).orElse(null);
            if (time == null && !timeText.isEmpty()) {
                problems.add("第 " + row.number() + " 行的考试时间“" + timeText + "”不是时间");
            }
            String exam = cell(row, columns.exam());
            byExam.computeIfAbsent(exam.isEmpty() ? defaultExam : exam, e -> new ArrayList<>())
                    .add(new ExamResult(
                            row.number(),
                            cell(row, columns.name()),
                            cell(row, columns.unit()),
                            cell(row, columns.idNumber()),
                            scoreText,
                            score,
                            time));
        }
        return new ScoreSheet(name, sheet.path(), Files.readAllBytes(files.get(sheet.path())), byExam, problems);
    }

    private static String cell(ExportSheet.SheetRow row, String column) {
        return column == null ? "" : row.get(column).strip();
    }

    /** A score as written ("85", "85.5", "85分", "８５"), or null when it is not one. */
    static BigDecimal score(String text) {
        String digits = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .strip()
                .replaceAll("分$", "")
                .strip();
        return digits.matches("[0-9]{1,4}(\\.[0-9]{1,3})?") ? new BigDecimal(digits) : null;
    }

    private record Sheet(String path, String folder, ExportSheet.Table table) {}

    /** The shallowest sheet whose header names every column the mapping reads. */
    private Sheet sheet(String packageName, Map<String, Path> files, String mappingName, List<String> columns)
            throws ExportSheetException, IOException {
        List<String> candidates = files.keySet().stream()
                .filter(path -> SHEET_TYPES.contains(extension(path)))
                .sorted(Comparator.comparingInt((String path) -> path.split("/").length)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            ExportSheet.Table table;
            try {
                table = ExportSheet.read(candidate, files.get(candidate), limits);
            } catch (ExportSheetException e) {
                tried.add(candidate + "（" + e.messageForPeople() + "）");
                continue;
            }
            List<String> lacking =
                    columns.stream().filter(c -> !table.headers().contains(c)).toList();
            if (lacking.isEmpty()) {
                int slash = candidate.lastIndexOf('/');
                return new Sheet(candidate, slash < 0 ? "" : candidate.substring(0, slash + 1), table);
            }
            tried.add(candidate + "（缺少列 " + lacking + "，表头为 " + table.headers() + "）");
        }
        throw new ExportSheetException(
                "数据包 " + packageName + " 中没有符合映射 " + mappingName + " 的登记表"
                        + (tried.isEmpty() ? "（没有 xlsx、xls、csv 或 html 表格）" : "：" + String.join("；", tried)),
                "package " + packageName + " has no registration sheet with the columns " + columns + " of mapping "
                        + mappingName + (tried.isEmpty() ? " (no sheet at all)" : "; tried " + tried));
    }

    private static ExportPackage.Row row(
            PackageFiles files,
            Sheet sheet,
            ExportSheet.SheetRow row,
            SourceMapping mapping,
            Instant exported,
            Set<String> claimed)
            throws IOException {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("sheet", sheet.path());
        source.put("row", row.number());
        source.put("cells", row.cells());
        byte[] raw = JSON.writeValueAsBytes(source);
        List<MappingProblem> problems = new ArrayList<>();
        Registration registration = mapping.fields().map(values(row), exported, problems);
        List<RecordBundle.BundleFile> bundled = new ArrayList<>();
        List<RecordBundle.MissingFile> missing = new ArrayList<>();
        String cell = row.get(mapping.sheet().filesColumn()).strip();
        // the whole cell first: Chinese file names hold 、 and ， themselves
        List<String> references = cell.isEmpty() || files.find(sheet.folder(), cell) instanceof PackageFiles.File
                ? Stream.of(cell).filter(r -> !r.isEmpty()).toList()
                : Stream.of(cell.split(mapping.sheet().separator()))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .toList();
        if (references.isEmpty()) {
            missing.add(new RecordBundle.MissingFile(
                    "",
                    sheet.path() + "#" + row.number(),
                    "登记表第 " + row.number() + " 行没有填写附件（" + mapping.sheet().filesColumn() + "）。",
                    "row " + row.number() + " of " + sheet.path() + " names no file"));
        }
        for (String reference : references) {
            PackageFiles.Found found = files.find(sheet.folder(), reference);
            if (found instanceof PackageFiles.File file) {
                claimed.add(file.relative());
                bundled.add(bundled(file.path(), reference));
            } else if (found instanceof PackageFiles.Missing why) {
                missing.add(new RecordBundle.MissingFile(
                        reference.substring(reference.replace('\\', '/').lastIndexOf('/') + 1),
                        sheet.path() + "#" + row.number(),
                        "登记表第 " + row.number() + " 行的附件未能取得：" + why.messageForPeople() + "。",
                        "row " + row.number() + ": " + why.detail()));
            }
        }
        return new ExportPackage.Row(
                row.number(), raw, problems.isEmpty() ? registration : null, bundled, missing, problems);
    }

    private static RecordBundle.BundleFile bundled(Path file, String reference) throws IOException {
        MessageDigest sha = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new RecordBundle.BundleFile(
                file.getFileName().toString(), reference, file, Sha256.hex(sha), Files.size(file));
    }

    private static RecordValues values(ExportSheet.SheetRow row) {
        return new RecordValues() {
            @Override
            public String text(String key) {
                return row.get(key).strip();
            }

            @Override
            public List<RecordValues> items(String key) {
                return RecordValues.split(row.get(key));
            }
        };
    }

    /**
     * Unpacks a zip package into a folder tree under {@code work}, by the names its entries carry (GBK names too), one
     * level deep: a zip inside it is an attachment, kept as it is.
     */
    private Path unpack(Path zip, Path work, List<String> problems) throws IOException, ExportSheetException {
        ArchiveLimits limits = expander.limits();
        ExpansionResult result = expander.expand(
                zip,
                zip.getFileName().toString(),
                work.resolve("expanded"),
                new ArchiveLimits(
                        1,
                        limits.maxEntries(),
                        Long.MAX_VALUE,
                        limits.maxEntryBytes(),
                        limits.maxCompressionRatio(),
                        limits.externalTimeout()));
        result.problems().stream()
                .filter(p -> !ArchiveProblems.TOO_DEEP.equals(p.code()))
                .forEach(p -> problems.add(p.messageZh()));
        if (result.files().isEmpty()) {
            throw new UnreadablePackageException(
                    "数据包 " + zip.getFileName() + " 无法解压：" + String.join("；", problems),
                    "package " + zip.getFileName() + " could not be unpacked: " + problems);
        }
        Path root = Files.createDirectories(work.resolve("package"));
        for (ExpandedFile file : result.files()) {
            String display = file.displayPath();
            String inside = display.substring(display.indexOf('/') + 1);
            Path target;
            try {
                target = root.resolve(PackagePaths.relative(inside)).normalize();
            } catch (ExportSheetException e) {
                problems.add(e.messageForPeople());
                continue;
            }
            if (!target.startsWith(root) || Files.exists(target)) {
                problems.add("数据包中的 " + inside + " 无法放入（重名或路径无效）");
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                Files.move(file.file(), target);
            } catch (IOException e) {
                problems.add("数据包中的 " + inside + " 无法取出（" + e.getMessage() + "）");
            }
        }
        return root;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
