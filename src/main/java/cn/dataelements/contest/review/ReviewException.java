package cn.dataelements.contest.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A review action refused (409): the message, in Chinese, says why and is shown to the person as it is. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ReviewException extends RuntimeException {

    public ReviewException(String messageZh) {
        super(messageZh);
    }
}
