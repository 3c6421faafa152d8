package cn.dataelements.contest.index;

/**
 * Elasticsearch refused a request as too large (HTTP 413): not an outage, and not worth retrying as it is. The caller
 * makes the document smaller (leaves out over-limit texts) and says so.
 */
public class DocumentTooLargeException extends RuntimeException {

    public DocumentTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
