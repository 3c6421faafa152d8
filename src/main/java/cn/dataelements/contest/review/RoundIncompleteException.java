package cn.dataelements.contest.review;

import java.util.List;

/** A round that cannot close yet: scores are missing and not every one has a reason. */
public class RoundIncompleteException extends ReviewException {

    private final transient List<MissingScore> missing;

    RoundIncompleteException(String roundName, List<MissingScore> missing) {
        super(roundName + "还有 " + missing.size() + " 项评分未提交："
                + String.join(
                        "、",
                        missing.stream()
                                .map(m -> m.code() + "（" + m.reviewer() + "）")
                                .toList())
                + "。请逐项写明未评原因并确认后再结束，或等评审专家提交。");
        this.missing = List.copyOf(missing);
    }

    public List<MissingScore> missing() {
        return missing;
    }
}
