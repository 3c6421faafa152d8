package cn.dataelements.contest.index;

import cn.dataelements.contest.system.net.NetworkFailures;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.elasticsearch.client.ResponseException;

/**
 * A failed call to Elasticsearch as its callers should see it. An {@link IndexingException} only when the node could
 * not take or answer the call and may later: unreachable, timing out, overloaded (5xx, 429, 408), or refusing the
 * app's own login (401, 403: the same for every item, so no item is to blame). Anything else is the failure itself (a
 * document that does not serialize, an answer that does not parse, a bug): retrying it forever would hide it.
 */
public final class ElasticsearchFailures {

    private ElasticsearchFailures() {}

    /** The failure to throw for a call that failed with {@code e}; {@code what} says what was asked, for the log. */
    public static RuntimeException of(String what, Exception e) {
        if (isOutage(e)) {
            return new IndexingException(what, e);
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return e instanceof IOException io ? new UncheckedIOException(what, io) : new IllegalStateException(what, e);
    }

    /** True when the node could not be reached, answered too late, or answered that it cannot take the call now. */
    public static boolean isOutage(Throwable e) {
        int status = status(e);
        if (status > 0) {
            return status >= 500 || status == 429 || status == 408 || status == 401 || status == 403;
        }
        return NetworkFailures.isNetwork(e);
    }

    /** The HTTP status Elasticsearch answered with, whichever layer of the client reports it; -1 when none. */
    public static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es) {
                return es.status();
            }
            if (t instanceof TransportException transport && transport.statusCode() > 0) {
                return transport.statusCode();
            }
            if (t instanceof ResponseException response) {
                return response.getResponse().getStatusLine().getStatusCode();
            }
        }
        return -1;
    }
}
