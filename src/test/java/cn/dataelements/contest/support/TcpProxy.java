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
 * sends: a slow link, so that a test can act between two commands of the client; hide an IMAP capability; and answer
 * NO in the IMAP server's place to the commands that concern one mail ({@link ImapRefusal}).
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile long clientDelayMillis;
    private volatile String hiddenCapability;
    private volatile ImapRefusal refusal;

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

    /**
     * Answers {@code NO} in the IMAP server's place to every command the refusal names for one message: a server that
     * cannot give (or move) that one mail, while it serves every other.
     */
    public void refuse(ImapRefusal refusal) {
        this.refusal = refusal;
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
                OutputStream toClient = client.getOutputStream();
                ImapRefusal.Session session = new ImapRefusal.Session();
                pipe(client, server, server.getOutputStream(), toClient, true, session);
                pipe(server, client, toClient, toClient, false, session);
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its connection fail, as in an outage
            }
        }
    }

    /**
     * Pumps what one side sends to the other. While a refusal is set, the client's commands are passed on line by line
     * (some answered NO in the server's place) and the server's answers are read for the mails' numbers and UIDs; both
     * pumps write to the client, one at a time.
     */
    private void pipe(
            Socket from,
            Socket to,
            OutputStream out,
            OutputStream toClient,
            boolean fromClient,
            ImapRefusal.Session session) {
        Thread pump = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream()) {
                        byte[] buffer = new byte[8192];
                        ImapRefusal.Lines lines = new ImapRefusal.Lines();
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            if (fromClient && clientDelayMillis > 0) {
                                slowLink();
                            }
                            ImapRefusal refusing = refusal;
                            if (refusing != null && fromClient) {
                                for (byte[] line : lines.add(buffer, n)) {
                                    java.util.Optional<String> answer =
                                            refusing.answer(session, new String(line, StandardCharsets.ISO_8859_1));
                                    if (answer.isPresent()) {
                                        write(toClient, answer.get().getBytes(StandardCharsets.ISO_8859_1));
                                    } else {
                                        write(out, line);
                                    }
                                }
                                continue;
                            }
                            if (refusing != null) {
                                refusing.learn(session, lines.add(buffer, n));
                            }
                            write(out, hideCapability(fromClient, buffer, n));
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

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** The server's chunk, without the hidden capability in its capability lists. */
    private byte[] hideCapability(boolean fromClient, byte[] buffer, int n) {
        String hidden = hiddenCapability;
        String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        if (fromClient || hidden == null || !chunk.contains("CAPABILITY")) {
            return java.util.Arrays.copyOf(buffer, n);
        }
        return chunk.replace(" " + hidden + " ", " ")
                .replace(" " + hidden + "]", "]")
                .replace(" " + hidden + "\r\n", "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
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
