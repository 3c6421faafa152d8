package cn.dataelements.contest.exam;

import cn.dataelements.contest.system.storage.JsonLines;
import cn.dataelements.contest.system.storage.KeptFiles;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 数字技能 exam results, per exam, with their history. Kept in files under {@code data/exams/} (fsynced, like the
 * committee's decisions), never only in Elasticsearch: every import in {@code imports.jsonl}, every score sheet as
 * received in {@code sheets/}. The same results imported again are a duplicate; a corrected sheet of the same exam
 * replaces the results before it, which stay as its history.
 */
@Component
public class ExamResults {

    /** What an import did. */
    public enum Outcome {
        /** the exam's first results */
        IMPORTED,
        /** the same results as an import of the exam before (its current one or one it replaced): nothing changed */
        DUPLICATE,
        /** other results for an exam that had some: they replace them, the earlier stay as history */
        CORRECTED
    }

    /** An exam: its current results and the earlier imports they replaced, newest first. */
    public record Exam(String exam, ExamImport current, List<ExamImport> history) {}

    private final Path file;
    private final Path sheets;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, List<ExamImport>> byExam = new LinkedHashMap<>();

    ExamResults(@Value("${intake.data-dir}") Path dataDir, ObjectMapper json) throws IOException {
        Path dir = dataDir.resolve("exams");
        this.file = dir.resolve("imports.jsonl");
        this.sheets = dir.resolve("sheets");
        this.json = json;
        this.clock = Clock.systemUTC();
        JsonLines.repairTail(file);
        for (ExamImport kept : JsonLines.readAll(file, json, ExamImport.class)) {
            byExam.computeIfAbsent(kept.exam(), e -> new ArrayList<>()).add(kept);
        }
    }

    /**
     * Imports one exam's results from a score sheet; the sheet's bytes are kept first.
     *
     * @param source the package and the sheet inside it, for people
     * @param extension the sheet's file type, for the kept copy
     */
    public synchronized Outcome importSheet(
            String exam,
            String route,
            String source,
            byte[] sheet,
            String extension,
            List<ExamResult> results,
            List<String> problems) {
        String sheetSha = keep(sheet, extension);
        String id = identity(exam, results);
        List<ExamImport> imports = byExam.computeIfAbsent(exam, e -> new ArrayList<>());
        // the same sheet again, whether it is the current one or one it replaced, changes nothing
        if (imports.stream().anyMatch(earlier -> earlier.id().equals(id))) {
            return Outcome.DUPLICATE;
        }
        ExamImport next = new ExamImport(id, exam, route, source, sheetSha, clock.instant(), results, problems);
        try {
            JsonLines.append(file, json, next);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the exam results in " + file, e);
        }
        imports.add(next);
        return imports.size() == 1 ? Outcome.IMPORTED : Outcome.CORRECTED;
    }

    /** Every exam with its current results and history. */
    public synchronized List<Exam> all() {
        return byExam.entrySet().stream()
                .map(e -> {
                    List<ExamImport> imports = e.getValue();
                    List<ExamImport> history = new ArrayList<>(imports.subList(0, imports.size() - 1));
                    history.sort(Comparator.comparing(ExamImport::importedAt).reversed());
                    return new Exam(e.getKey(), imports.get(imports.size() - 1), history);
                })
                .toList();
    }

    /** The exam and its results, in a canonical order: a sheet saved again, or sorted otherwise, is the same. */
    private String identity(String exam, List<ExamResult> results) {
        MessageDigest sha = Sha256.digest();
        sha.update(exam.getBytes(StandardCharsets.UTF_8));
        results.stream()
                .map(r -> String.join(
                        "\u0001",
                        r.name(),
                        r.unit(),
                        r.idNumber(),
                        r.scoreText(),
                        r.examTime() == null ? "" : r.examTime().toString()))
                .sorted()
                .forEach(line -> sha.update(("\n" + line).getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(sha);
    }

    private String keep(byte[] sheet, String extension) {
        try {
            return KeptFiles.keep(sheets, sheet, "." + extension.replaceAll("[^a-z0-9]", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the score sheet in " + sheets, e);
        }
    }
}
