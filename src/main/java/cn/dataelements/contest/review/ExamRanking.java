package cn.dataelements.contest.review;

import cn.dataelements.contest.exam.ExamResult;
import cn.dataelements.contest.exam.ExamResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 数字技能 finalists ranked by their final exam score (guide, section 三.(二).2), per exam, from its current
 * results: the highest score first, equal scores sharing a rank and marked tied, a result without a readable score
 * last, unranked.
 */
public final class ExamRanking {

    /** One person's line; rank 0 when the score could not be read. */
    public record Row(String exam, int rank, boolean tied, ExamResult result) {}

    private ExamRanking() {}

    public static List<Row> of(List<ExamResults.Exam> exams) {
        List<Row> rows = new ArrayList<>();
        for (ExamResults.Exam exam : exams) {
            List<ExamResult> sorted = new ArrayList<>(exam.current().results());
            sorted.sort(Comparator.comparing(ExamResult::score, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(ExamResult::name));
            for (int i = 0; i < sorted.size(); i++) {
                ExamResult result = sorted.get(i);
                if (result.score() == null) {
                    rows.add(new Row(exam.exam(), 0, false, result));
                    continue;
                }
                long better = sorted.stream()
                        .filter(o -> o.score() != null && o.score().compareTo(result.score()) > 0)
                        .count();
                boolean tied = sorted.stream()
                        .anyMatch(o ->
                                o != result && o.score() != null && o.score().compareTo(result.score()) == 0);
                rows.add(new Row(exam.exam(), (int) better + 1, tied, result));
            }
        }
        return rows;
    }
}
