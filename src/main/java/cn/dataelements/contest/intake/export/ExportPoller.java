package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.intake.SourceItem;
import cn.dataelements.contest.intake.source.PolledSource;
import cn.dataelements.contest.intake.source.PolledSource.Handed;
import cn.dataelements.contest.ledger.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Watches a drop folder for export packages. A package is read once it is ready (a folder after its done-marker, a
 * zip also once it stopped changing), each of its rows handed to the route in the sheet's order; once every row is
 * over the package moves to {@code done/} with a report of what was taken and what is wrong (a row without its file,
 * a file without its row). A package that cannot be read at all (no sheet with the mapping's columns, a zip that does
 * not open) moves to {@code failed/} with a reason file beside it. Nothing is deleted. A row that meets an outage
 * leaves the package where it is and ends the poll; a row that fails for a reason of its own leaves the package for
 * the next poll while the other rows and packages go on: the rows taken before are the same submissions then.
 */
class ExportPoller implements PolledSource {

    private static final Logger log = LoggerFactory.getLogger(ExportPoller.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** How long a zip that does not open, without a done-marker, may go unchanged before it is taken as broken. */
    private static final java.time.Duration STALLED_COPY = java.time.Duration.ofHours(1);

    private final ExportSource source;
    private volatile Backlog backlog = Backlog.NONE;

    ExportPoller(ExportSource source) {
        this.source = source;
    }

    @Override
    public int poll(Handoff handoff) throws Exception {
        Path drop = source.dropFolder();
        if (!Files.isDirectory(drop)) {
            throw new IOException("The drop folder " + drop.toAbsolutePath() + " does not exist");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(drop)) {
            entries = list.filter(ExportPoller::mayBePackage).sorted().toList();
        }
        int handed = 0;
        boolean outage = false;
        for (Path entry : entries) {
            if (!handoff.running() || outage) {
                break;
            }
            SourceItem item = item(entry);
            if (!source.attempts().isSkipped(item.key())
                    && source.readiness().of(entry) == PackageReadiness.State.READY) {
                try {
                    Integer taken = take(entry, handoff);
                    outage = taken == null;
                    handed += taken == null ? 0 : taken;
                } catch (Exception e) {
                    failed(item, e);
                }
            }
        }
        backlog = backlog(drop);
        // after the folder, so a URL that cannot be read holds up no dropped package; the poll then fails, and health
        // says why
        if (!outage && source.fetcher().isPresent()) {
            source.fetcher().get().fetchInto(drop);
        }
        return handed;
    }

    @Override
    public Backlog backlog() {
        return backlog;
    }

    /** A package as a source item: what its attempts are counted by, and what a skip remembers. */
    private SourceItem item(Path entry) {
        return new SourceItem(source.route(), "export-package:" + entry.getFileName(), -1, -1, "");
    }

    /**
     * A package whose handling failed outside its rows (its report or its move could not be written, an unexpected
     * error): the next packages go on; it is tried again at the next poll, and after its last allowed attempt it is
     * left where it is and remembered, so it is not tried for ever ahead of the others. Health names it.
     */
    private void failed(SourceItem item, Exception e) throws Exception {
        if (e instanceof InterruptedException) {
            throw e;
        }
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        int count = source.attempts().fail(item.key(), reason);
        log.error("Export package {} failed (attempt {} of {})", item.folder(), count, source.maxAttempts(), e);
        if (count >= source.maxAttempts()) {
            source.attempts().skip(item, "failed " + count + " times, last: " + reason);
        }
    }

    /** The packages still in the drop folder (not done, not failed, not given up on), and the oldest one's time. */
    private Backlog backlog(Path drop) throws IOException {
        int count = 0;
        Instant oldest = null;
        try (Stream<Path> list = Files.list(drop)) {
            for (Path entry : list.filter(ExportPoller::mayBePackage).toList()) {
                boolean aPackage = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        || entry.getFileName()
                                .toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".zip");
                if (!aPackage || source.attempts().isSkipped(item(entry).key())) {
                    continue;
                }
                count++;
                Instant at = Files.getLastModifiedTime(entry).toInstant();
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
        }
        return new Backlog(count, oldest);
    }

    private static boolean mayBePackage(Path entry) {
        String name = entry.getFileName().toString();
        return !name.equals(ExportSource.DONE)
                && !name.equals(ExportSource.FAILED)
                && !name.startsWith(".")
                && !name.endsWith(".done")
                && !name.endsWith(".part")
                && !name.endsWith(".tmp");
    }

    /** The rows handed on, or null when one was left to be tried again (the poll stops there). */
    private Integer take(Path entry, Handoff handoff) throws Exception {
        Files.createDirectories(source.workDir());
        Path work = Files.createTempDirectory(source.workDir(), "package-");
        try {
            if (source.mapping().exam() != null) {
                return takeScores(entry, work);
            }
            ExportPackage read;
            try {
                read = source.reader().read(entry, source.mapping(), work);
            } catch (ExportSheetException e) {
                return refused(entry, e.messageForPeople(), e.getMessage(), e.unreadableArchive());
            } catch (IOException | RuntimeException e) {
                return refused(entry, "读取数据包时出错：" + e.getMessage(), e.toString(), false);
            }
            int handed = 0;
            List<Integer> quarantined = new ArrayList<>();
            List<Integer> failed = new ArrayList<>();
            for (ExportPackage.Row row : read.rows()) {
                handed++;
                Handed outcome = handoff.hand(new ExportRow(read, row, source.channel()));
                if (outcome == Handed.LEFT) {
                    log.warn(
                            "Row {} of export package {} met an outage: the package stays, the poll stops",
                            row.number(),
                            entry.getFileName());
                    return null;
                }
                if (outcome == Handed.QUARANTINED) {
                    quarantined.add(row.number());
                } else if (outcome == Handed.FAILED) {
                    failed.add(row.number());
                }
            }
            if (!failed.isEmpty()) {
                // the rows taken are the same submissions when the package is read again
                log.warn(
                        "Rows {} of export package {} failed and will be tried again: the package stays",
                        failed,
                        entry.getFileName());
                return handed;
            }
            done(entry, read, quarantined);
            return handed;
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** A package of score sheets: each exam's results imported (or found the same as before), then moved. */
    private int takeScores(Path entry, Path work) throws IOException {
        ExportPackageReader.ScoreSheet sheet;
        try {
            sheet = source.reader().readScores(entry, source.mapping(), work, source.route());
        } catch (ExportSheetException e) {
            return refused(entry, e.messageForPeople(), e.getMessage(), e.unreadableArchive());
        } catch (IOException | RuntimeException e) {
            return refused(entry, "读取数据包时出错：" + e.getMessage(), e.toString(), false);
        }
        String extension = sheet.sheet().substring(sheet.sheet().lastIndexOf('.') + 1);
        List<String> lines = new ArrayList<>();
        lines.add("数据包 " + sheet.name() + "：成绩表 " + sheet.sheet() + "。");
        for (var exam : sheet.byExam().entrySet()) {
            ExamResults.Outcome outcome = source.exams()
                    .importSheet(
                            exam.getKey(),
                            source.route(),
                            sheet.name() + "/" + sheet.sheet(),
                            sheet.bytes(),
                            extension,
                            exam.getValue(),
                            sheet.problems());
            lines.add("考试“" + exam.getKey() + "”：" + exam.getValue().size() + " 条成绩，"
                    + switch (outcome) {
                        case IMPORTED -> "已导入。";
                        case DUPLICATE -> "与现有成绩相同，未作改动。";
                        case CORRECTED -> "已替换此前的成绩（此前的成绩保留为历史记录）。";
                    });
            source.ledger()
                    .record(
                            source.route(),
                            outcome == ExamResults.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.INDEXED,
                            "",
                            "",
                            sheet.name(),
                            -1,
                            "exam results of " + exam.getKey() + ": "
                                    + exam.getValue().size() + " "
                                    + outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        sheet.problems().forEach(p -> lines.add("- " + p));
        Path moved = move(entry, ExportSource.DONE);
        Files.write(report(moved, ".report.txt"), lines, StandardCharsets.UTF_8);
        log.info("Score sheet package {}: {}", sheet.name(), lines);
        return sheet.byExam().size();
    }

    /**
     * A package that cannot be read goes to failed/ with its reason; a zip that does not open and has no done-marker
     * may still be being copied, so it stays until it has not changed for an hour.
     */
    private int refused(Path entry, String reasonZh, String reasonEn, boolean unreadableArchive) throws IOException {
        if (unreadableArchive
                && !Files.exists(entry.resolveSibling(entry.getFileName() + ".done"))
                && Files.getLastModifiedTime(entry)
                        .toInstant()
                        .isAfter(Instant.now().minus(STALLED_COPY))) {
            log.warn("Export package {} does not open yet: it may still be being copied ({})", entry, reasonEn);
            return 0;
        }
        log.error("Export package {} refused: {}", entry.getFileName(), reasonEn);
        fail(entry, reasonZh, reasonEn);
        return 0;
    }

    private void done(Path entry, ExportPackage read, List<Integer> quarantined) throws IOException {
        Path moved = move(entry, ExportSource.DONE);
        List<String> lines = new ArrayList<>();
        lines.add("数据包 " + read.name() + "：登记表 " + read.sheet() + "（" + read.format() + "），共 "
                + read.rows().size() + " 行，已接收 " + (read.rows().size() - quarantined.size()) + " 行。");
        List<String> problems = new ArrayList<>(read.problems());
        read.rows().forEach(row -> row.missing().forEach(m -> problems.add(m.messageZh())));
        quarantined.forEach(row -> problems.add("登记表第 " + row + " 行无法处理，已隔离（原因见收件记录），原件已存档。"));
        read.unclaimed().forEach(file -> problems.add("附件 " + file + " 没有对应的登记行。"));
        if (problems.isEmpty()) {
            lines.add("没有发现问题。");
        } else {
            lines.add("发现 " + problems.size() + " 个问题：");
            problems.forEach(p -> lines.add("- " + p));
            log.warn("Export package {} taken with {} problems: {}", read.name(), problems.size(), problems);
        }
        Files.write(report(moved, ".report.txt"), lines, StandardCharsets.UTF_8);
        log.info(
                "Export package {}: {} rows taken, moved to {}",
                read.name(),
                read.rows().size(),
                moved);
    }

    private void fail(Path entry, String reasonZh, String reasonEn) throws IOException {
        Path moved = move(entry, ExportSource.FAILED);
        Files.writeString(
                report(moved, ".reason.txt"),
                "数据包未能读取：" + reasonZh + "\n\nThe package could not be read: " + reasonEn + "\n",
                StandardCharsets.UTF_8);
    }

    /** Moves the package (and a zip's done-marker) into a folder of the drop folder, under a name not yet taken. */
    private Path move(Path entry, String folder) throws IOException {
        Path into = Files.createDirectories(source.dropFolder().resolve(folder));
        String name = entry.getFileName().toString();
        Path target = into.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            target = into.resolve(LocalDateTime.now().format(STAMP) + "-" + name);
        }
        Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
        Path marker = entry.resolveSibling(name + ".done");
        if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(marker, target.resolveSibling(target.getFileName() + ".done"));
        }
        return target;
    }

    private static Path report(Path moved, String suffix) {
        return moved.resolveSibling(moved.getFileName() + suffix);
    }
}
