package cn.dataelements.contest.intake.mail;

/** Thrown when the stored bytes are not a mail message at all (empty, or no header block), as opposed to a mail with bad parts. */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String message) {
        super(message);
    }

    public UnparseableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
