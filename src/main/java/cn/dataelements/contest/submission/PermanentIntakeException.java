package cn.dataelements.contest.submission;

/**
 * The content of a received item cannot be handled, now or on any retry: the item goes to quarantine with this
 * reason, and the rest of the batch goes on. Everything else that fails is taken as transient and retried.
 */
public class PermanentIntakeException extends RuntimeException {

    private final String messageZh;

    /**
     * @param detailEn what went wrong, in English, for the log and the ledger
     * @param messageZh the same for the organizer, in Chinese
     */
    public PermanentIntakeException(String detailEn, String messageZh, Throwable cause) {
        super(detailEn, cause);
        this.messageZh = messageZh;
    }

    public String messageZh() {
        return messageZh;
    }
}
