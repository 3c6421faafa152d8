package cn.dataelements.contest.search;

/**
 * A search parameter that is wrong: the API answers 400 with the English message, the pages show {@link #messageZh}.
 */
public class InvalidSearchException extends IllegalArgumentException {

    private final String messageZh;

    InvalidSearchException(String message, String messageZh) {
        super(message);
        this.messageZh = messageZh;
    }

    /** What is wrong, in Chinese, for the person who searched. */
    public String messageZh() {
        return messageZh;
    }
}
