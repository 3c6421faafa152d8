package cn.dataelements.contest.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A round that {@code review.yaml} does not have: 404, as an unknown entry is. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownRoundException extends ReviewException {

    public UnknownRoundException(String key) {
        super("没有这个评审轮次：" + key);
    }
}
