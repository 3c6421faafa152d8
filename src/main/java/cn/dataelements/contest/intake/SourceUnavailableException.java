package cn.dataelements.contest.intake;

import java.io.IOException;

/**
 * A source the app reads (a portal's listing or file host, an export URL) cannot answer now: 5xx, 429, 408, a stalled
 * body or a reset connection, after the client's own tries. An outage: the item is left at its source and tried again,
 * not counted against it.
 */
public class SourceUnavailableException extends IOException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
