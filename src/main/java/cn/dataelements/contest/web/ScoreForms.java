package cn.dataelements.contest.web;

import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewPlan;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A score form's fields ({@code c_<criterion>}) read as the round's criterion scores. */
final class ScoreForms {

    private ScoreForms() {}

    /**
     * The criterion scores the form gives, in the round's order.
     *
     * @throws ReviewException naming the first criterion that is not a number, in Chinese
     */
    static Map<String, BigDecimal> values(ReviewPlan.Round round, Map<String, String> form) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            String given = form.getOrDefault("c_" + criterion.key(), "").strip();
            if (!given.matches("\\d+(\\.\\d+)?")) {
                throw new ReviewException("“" + criterion.name() + "”请填写数字。");
            }
            values.put(criterion.key(), new BigDecimal(given));
        }
        return values;
    }
}
