package cn.dataelements.contest.support;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link TcpProxy} in front of an IMAP server refuses for one mail (by its UID), in the server's place: a
 * server that cannot give that mail's header or body ({@link #body}), or that cannot move, copy or flag it
 * ({@link #moves}), while it serves every other mail. The proxy learns each connection's message numbers from the
 * server's own answers ({@code * 3 FETCH (... UID 17 ...)}), as the client uses numbers, not UIDs.
 */
public record ImapRefusal(long uid, boolean refuseBody, boolean refuseMoves) {

    private static final Pattern FETCHED =
            Pattern.compile("^\\* (\\d+) FETCH \\(.*\\bUID (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPUNGED = Pattern.compile("^\\* (\\d+) EXPUNGE", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMAND =
            Pattern.compile("^(\\S+) (UID )?(FETCH|STORE|COPY|MOVE) (\\S+)(.*)$", Pattern.CASE_INSENSITIVE);

    /** The server cannot give this mail's header or body: every FETCH of them answers NO. */
    public static ImapRefusal body(long uid) {
        return new ImapRefusal(uid, true, false);
    }

    /** The server cannot give this mail, nor move, copy or flag it. */
    public static ImapRefusal everything(long uid) {
        return new ImapRefusal(uid, true, true);
    }

    /** One client connection: the message number of each UID, as the server last told. */
    public static final class Session {
        private final Map<Long, Long> uidOfNumber = new ConcurrentHashMap<>();
    }

    /** Splits a stream of bytes into complete lines (CRLF kept); an incomplete line waits for the next bytes. */
    public static final class Lines {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        public List<byte[]> add(byte[] buffer, int n) {
            List<byte[]> complete = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pending.write(buffer[i]);
                if (buffer[i] == '\n') {
                    complete.add(pending.toByteArray());
                    pending.reset();
                }
            }
            return complete;
        }
    }

    /** Reads the server's lines for the numbers of UIDs, and for mails expunged (which renumbers those after). */
    void learn(Session session, List<byte[]> lines) {
        for (byte[] bytes : lines) {
            String line = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            Matcher fetched = FETCHED.matcher(line);
            if (fetched.find()) {
                session.uidOfNumber.put(Long.parseLong(fetched.group(1)), Long.parseLong(fetched.group(2)));
                continue;
            }
            Matcher expunged = EXPUNGED.matcher(line);
            if (expunged.find()) {
                long gone = Long.parseLong(expunged.group(1));
                Map<Long, Long> renumbered = new ConcurrentHashMap<>();
                session.uidOfNumber.forEach((number, uid) -> {
                    if (number < gone) {
                        renumbered.put(number, uid);
                    } else if (number > gone) {
                        renumbered.put(number - 1, uid);
                    }
                });
                session.uidOfNumber.clear();
                session.uidOfNumber.putAll(renumbered);
            }
        }
    }

    /** The server's NO, when the client's command concerns the refused mail; empty to pass it on. */
    Optional<String> answer(Session session, String line) {
        Matcher command = COMMAND.matcher(line.strip());
        if (!command.matches()) {
            return Optional.empty();
        }
        String verb = command.group(3).toUpperCase(java.util.Locale.ROOT);
        String rest = command.group(5).toUpperCase(java.util.Locale.ROOT);
        boolean byUid = command.group(2) != null;
        boolean refused = verb.equals("FETCH")
                ? refuseBody && (rest.contains("BODY") || rest.contains("RFC822")) && !rest.contains("HEADER.FIELDS")
                : refuseMoves;
        if (!refused || !includes(session, command.group(4), byUid)) {
            return Optional.empty();
        }
        return Optional.of(
                command.group(1) + " NO [UNAVAILABLE] this message cannot be served (refused by the test)\r\n");
    }

    /** True when the message set (numbers, or UIDs for a UID command) holds the refused mail. */
    private boolean includes(Session session, String set, boolean byUid) {
        for (String range : set.split(",")) {
            String[] ends = range.split(":");
            long low = bound(ends[0]);
            long high = ends.length > 1 ? bound(ends[1]) : low;
            for (Map.Entry<Long, Long> each : session.uidOfNumber.entrySet()) {
                long key = byUid ? each.getValue() : each.getKey();
                if (each.getValue() == uid && key >= Math.min(low, high) && key <= Math.max(low, high)) {
                    return true;
                }
            }
            if (byUid && uid >= Math.min(low, high) && uid <= Math.max(low, high)) {
                return true;
            }
        }
        return false;
    }

    private static long bound(String end) {
        return end.equals("*") ? Long.MAX_VALUE : Long.parseLong(end);
    }
}
