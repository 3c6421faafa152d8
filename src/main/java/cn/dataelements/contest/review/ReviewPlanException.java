package cn.dataelements.contest.review;

import java.util.List;

/** {@code mappings/review.yaml} is not valid: every problem, each naming the file, the key and what would be valid. */
public class ReviewPlanException extends RuntimeException {

    private final List<String> problems;

    public ReviewPlanException(List<String> problems) {
        super("The review plan is not valid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
