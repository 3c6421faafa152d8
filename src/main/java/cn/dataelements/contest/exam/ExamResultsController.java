package cn.dataelements.contest.exam;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/exam-results}: every 数字技能 exam with its current results and the earlier imports they replaced. */
@RestController
@RequestMapping("/api/exam-results")
class ExamResultsController {

    private final ExamResults results;

    ExamResultsController(ExamResults results) {
        this.results = results;
    }

    @GetMapping
    List<ExamResults.Exam> all() {
        return results.all();
    }
}
