package cn.dataelements.contest.exam;

import java.time.Instant;
import java.util.List;

/**
 * One import of an exam's score sheet: the results it holds, as kept in the database ({@code exam_imports}).
 *
 * @param id the sha-256 of the exam and its results (not of the file's bytes: a sheet saved again is the same)
 * @param exam which exam: the sheet's exam column, else the route's id
 * @param route the intake route it came by
 * @param source the package and the sheet inside it
 * @param sheetSha256 the sha-256 of the sheet's bytes, kept with the import
 * @param importedAt when it was imported
 * @param results every result, in the sheet's order
 * @param problems what is wrong with single rows (a score that is not a number), in Chinese
 */
public record ExamImport(
        String id,
        String exam,
        String route,
        String source,
        String sheetSha256,
        Instant importedAt,
        List<ExamResult> results,
        List<String> problems) {

    public ExamImport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }
}
