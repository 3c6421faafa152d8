package cn.dataelements.contest.system.net;

import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.NoHttpResponseException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Tells a failure to reach a server (refused, reset, closed, timed out, a name that does not resolve, a TLS handshake
 * that fails) from every other failure, by the causes it carries, not by its outer type: an {@code IOException} may be
 * a lost connection or a file that does not parse, and only the first says anything about the server.
 */
public final class NetworkFailures {

    private static final List<Class<? extends Throwable>> NETWORK = List.of(
            SocketException.class, // connection refused or reset, no route to host
            InterruptedIOException.class, // socket and connect timeouts
            UnknownHostException.class,
            HttpTimeoutException.class,
            ClosedChannelException.class,
            SSLException.class,
            ConnectionClosedException.class, // Elasticsearch's HTTP client: the node closed the connection
            NoHttpResponseException.class,
            FolderClosedException.class, // IMAP: the server dropped the connection mid-command
            StoreClosedException.class,
            ConnectionException.class,
            MailConnectException.class);

    private NetworkFailures() {}

    /** True when the failure, or any of its causes, is a failure to reach or keep talking to a server. */
    public static boolean isNetwork(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : NETWORK) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
