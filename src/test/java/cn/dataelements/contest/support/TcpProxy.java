package cn.dataelements.contest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of a real server, that a test can cut (every open connection reset, new ones
 * closed at once) and restore: a network outage without touching the server. It can also delay what the client
 * sends: a slow link, so that a test can act between two commands of the client; and hide an IMAP capability.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile long clientDelayMillis;
    private volatile String hiddenCapability;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /**
     * Takes this word out of the IMAP server's capability lists, as a server without the extension would answer
     * (e.g. {@code MOVE}, which many providers lack).
     */
    public void hideCapability(String name) {
        hiddenCapability = name;
    }

    /** Holds every chunk the client sends this long before the server gets it. */
    public void delayClient(java.time.Duration delay) {
        clientDelayMillis = delay.toMillis();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server, true);
                pipe(server, client, false);
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its connection fail, as in an outage
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread pump = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        byte[] buffer = new byte[8192];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            if (fromClient && clientDelayMillis > 0) {
                                slowLink();
                            }
                            String hidden = hiddenCapability;
                            if (!fromClient && hidden != null) {
                                String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                                if (chunk.contains("CAPABILITY")) {
                                    byte[] answer = chunk.replace(" " + hidden + " ", " ")
                                            .replace(" " + hidden + "]", "]")
                                            .replace(" " + hidden + "\r\n", "\r\n")
                                            .getBytes(StandardCharsets.ISO_8859_1);
                                    out.write(answer);
                                    out.flush();
                                    continue;
                                }
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // connection cut
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** The slow link itself: time passing on the wire is what this proxy simulates. */
    private void slowLink() throws IOException {
        try {
            Thread.sleep(clientDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
