package cn.dataelements.contest.review;

/** A score whose own values are wrong (a criterion's number, the comment): 400 at the API, before anything is read. */
public class InvalidScoreException extends ReviewException {

    public InvalidScoreException(String message) {
        super(message);
    }
}
