package cn.dataelements.contest.exam;

import cn.dataelements.contest.system.security.PersonalDataCipher;
import cn.dataelements.contest.system.storage.Sha256;
import cn.dataelements.contest.system.text.Masks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 数字技能 exam results, per exam, with their history, in the database ({@code exam_imports}: every import with the
 * score sheet as received). 身份证号 and the sheets that carry them are stored encrypted ({@link PersonalDataCipher})
 * and read back masked (370602********1234): nobody in the app needs them in full. The same results imported again are a duplicate; a corrected sheet of the same exam
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

    private static final TypeReference<List<ExamResult>> RESULTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> PROBLEMS = new TypeReference<>() {};

    private final JdbcClient db;
    private final ObjectMapper json;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ExamResults(JdbcClient db, ObjectMapper json, PersonalDataCipher cipher) {
        this.db = db;
        this.json = json;
        this.cipher = cipher;
        this.clock = Clock.systemUTC();
    }

    /**
     * Imports one exam's results from a score sheet, kept with its bytes as received.
     *
     * @param source the package and the sheet inside it, for people
     * @param extension the sheet's file type
     */
    public Outcome importSheet(
            String exam,
            String route,
            String source,
            byte[] sheet,
            String extension,
            List<ExamResult> results,
            List<String> problems) {
        String id = identity(exam, results);
        int before = db.sql("select count(*) from exam_imports where exam = ?")
                .param(exam)
                .query(Integer.class)
                .single();
        // the same sheet again, whether it is the current one or one it replaced, changes nothing
        int inserted = db.sql("""
                        insert into exam_imports
                          (id, exam, route, source, sheet_sha256, sheet, imported_at, results, problems)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        on conflict (id) do nothing
                        """)
                .params(
                        id,
                        exam,
                        route,
                        source,
                        sha256(sheet),
                        cipher.encrypt(sheet),
                        Timestamp.from(clock.instant()),
                        write(results.stream()
                                .map(r -> withId(r, cipher.encrypt(r.idNumber())))
                                .toList()),
                        write(problems))
                .update();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        return before == 0 ? Outcome.IMPORTED : Outcome.CORRECTED;
    }

    /** Every exam with its current results and history. */
    public List<Exam> all() {
        Map<String, List<ExamImport>> byExam = new LinkedHashMap<>();
        db.sql("select id, exam, route, source, sheet_sha256, imported_at, results, problems from exam_imports"
                        + " order by exam, imported_at, id")
                .query((rs, n) -> new ExamImport(
                        rs.getString("id"),
                        rs.getString("exam"),
                        rs.getString("route"),
                        rs.getString("source"),
                        rs.getString("sheet_sha256"),
                        rs.getTimestamp("imported_at").toInstant(),
                        read(rs.getString("results"), RESULTS).stream()
                                .map(r -> withId(r, Masks.idNumber(cipher.decrypt(r.idNumber()))))
                                .toList(),
                        read(rs.getString("problems"), PROBLEMS)))
                .list()
                .forEach(i ->
                        byExam.computeIfAbsent(i.exam(), e -> new ArrayList<>()).add(i));
        return byExam.entrySet().stream()
                .map(e -> {
                    List<ExamImport> imports = e.getValue();
                    List<ExamImport> history = new ArrayList<>(imports.subList(0, imports.size() - 1));
                    history.sort(Comparator.comparing(ExamImport::importedAt).reversed());
                    return new Exam(e.getKey(), imports.get(imports.size() - 1), history);
                })
                .toList();
    }

    private static ExamResult withId(ExamResult result, String idNumber) {
        return new ExamResult(
                result.row(),
                result.name(),
                result.unit(),
                idNumber,
                result.scoreText(),
                result.score(),
                result.examTime());
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

    private static String sha256(byte[] bytes) {
        MessageDigest sha = Sha256.digest();
        sha.update(bytes);
        return Sha256.hex(sha);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Exam results are always JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Exam results in the database do not read back", e);
        }
    }
}
