package cn.dataelements.contest.receipt;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts on disk, one file per receipt id, each written to a temporary file, fsynced and renamed into place: in
 * {@code outbox/} until the SMTP server accepted it, then {@code sent/}; {@code failed/} when the server refused the
 * recipient for good; {@code skipped/} when never to be sent (the per-recipient limit); {@code unanswered/} (a line
 * saying why) when the submission gets no receipt at all. A receipt id in any of them is decided, and never decided
 * again. One left in {@code outbox/} by an SMTP failure, the hourly cap or a crash is sent by {@link #flush}, oldest
 * first. A crash between the server's acceptance and the move to {@code sent/} sends it twice (same Message-ID).
 *
 * <p>Safe for one sending thread beside any number of deciding ones: every change is a rename of a whole file, and
 * {@link #contains} looks in {@code outbox/} before {@code sent/} and {@code failed/}, the direction receipts move.
 */
final class ReceiptOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReceiptOutbox.class);
    private static final String EML = ".eml";
    private static final String TXT = ".txt";

    private final Path outbox;
    private final Path sent;
    private final Path failed;
    private final Path skipped;
    private final Path unanswered;
    private final Path temp;
    private final ReceiptSender sender;
    private final Clock clock;

    ReceiptOutbox(Path dir, ReceiptSender sender, Clock clock) throws IOException {
        this.outbox = Files.createDirectories(dir.resolve("outbox"));
        this.sent = Files.createDirectories(dir.resolve("sent"));
        this.failed = Files.createDirectories(dir.resolve("failed"));
        this.skipped = Files.createDirectories(dir.resolve("skipped"));
        this.unanswered = Files.createDirectories(dir.resolve("unanswered"));
        this.temp = Files.createDirectories(dir.resolve("tmp"));
        this.sender = sender;
        this.clock = clock;
    }

    /** True when this receipt id was ever decided: queued, sent, refused, skipped or not to be answered. */
    boolean contains(String id) {
        return Stream.of(outbox, sent, failed, skipped).anyMatch(d -> Files.exists(d.resolve(id + EML)))
                || Files.exists(unanswered.resolve(id + TXT));
    }

    /** Puts the receipt in the outbox, durably, before anyone tries to send it. */
    void add(String id, MimeMessage message) throws IOException, MessagingException {
        write(id + EML, message::writeTo, outbox);
    }

    /** Keeps the receipt that will not be sent, so the id counts as decided and a person can see what it said. */
    void skip(String id, MimeMessage message) throws IOException, MessagingException {
        write(id + EML, message::writeTo, skipped);
    }

    /** Records, durably, that this submission gets no receipt, and why (English, for the organizer's staff). */
    void unanswered(String id, String reason) throws IOException {
        byte[] line = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            write(id + TXT, out -> out.write(line), unanswered);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tries to send this queued receipt once; true when the server accepted it now. */
    Delivery deliver(String id) {
        Path file = outbox.resolve(id + EML);
        if (!Files.exists(file)) {
            return Delivery.GONE;
        }
        try {
            sender.send(read(file));
            move(file, sent);
            log.info("Receipt {} sent", id);
            return Delivery.SENT;
        } catch (SendFailedException e) {
            return refused(id, file, e);
        } catch (MessagingException | IOException e) {
            log.warn("Receipt {} stays in the outbox, tried again later: {}", id, e.toString());
            return Delivery.SERVER_UNAVAILABLE;
        }
    }

    /** What one try to send a queued receipt came to. */
    enum Delivery {
        SENT,
        /** the server refused the recipient for good: moved to failed/ */
        REFUSED,
        /** the server could not be reached or refused for now: the receipt stays, and so do the others */
        SERVER_UNAVAILABLE,
        /** no longer in the outbox (sent by an earlier flush) */
        GONE
    }

    /**
     * Every receipt that counted against a per-recipient limit (queued, sent or refused; not skipped), read back from
     * disk so a restart keeps the limits. A file that cannot be read is logged and left out.
     */
    List<Counted> counted() throws IOException {
        List<Counted> all = new ArrayList<>();
        for (Path folder : List.of(outbox, sent, failed)) {
            for (Path file : receipts(folder)) {
                counted(file).ifPresent(all::add);
            }
        }
        return all;
    }

    /** When each receipt in {@code sent/} was sent: what the hourly cap is refilled from at start. */
    List<Instant> sentTimes() throws IOException {
        List<Instant> times = new ArrayList<>();
        for (Path file : receipts(sent)) {
            times.add(Files.getLastModifiedTime(file).toInstant());
        }
        return times;
    }

    /** The receipt ids still in the outbox, the longest waiting first. */
    List<String> pending() throws IOException {
        return receipts(outbox).stream()
                .sorted(Comparator.comparing(ReceiptOutbox::modified).thenComparing(Path::getFileName))
                .map(f -> f.getFileName().toString())
                .map(n -> n.substring(0, n.length() - EML.length()))
                .toList();
    }

    /** A receipt that counted against its recipient's rate limit: who it went to and when it was composed. */
    record Counted(String recipient, Instant at) {}

    private Optional<Counted> counted(Path file) {
        try {
            MimeMessage message = read(file);
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to == null || to.length == 0 || message.getSentDate() == null) {
                return Optional.empty();
            }
            String address = to[0] instanceof InternetAddress a ? a.getAddress() : to[0].toString();
            return Optional.of(new Counted(address, message.getSentDate().toInstant()));
        } catch (IOException | MessagingException e) {
            log.warn("Receipt {} could not be read back for the rate limit: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    private static List<Path> receipts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(EML)).toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // sent by another flush meanwhile
        }
    }

    private Delivery refused(String id, Path file, SendFailedException e) {
        boolean permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
        if (!permanent) {
            log.warn("Receipt {} stays in the outbox, tried again later: {}", id, e.toString());
            return Delivery.SERVER_UNAVAILABLE;
        }
        try {
            move(file, failed);
            log.warn("Receipt {} refused by the SMTP server for good, kept in failed/: {}", id, e.toString());
        } catch (IOException io) {
            log.warn("Receipt {} refused, and could not be moved to failed/: {}", id, io.toString());
        }
        return Delivery.REFUSED;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException, MessagingException;
    }

    private void write(String name, Content content, Path folder) throws IOException, MessagingException {
        Path part = temp.resolve(name + ".part");
        try (FileChannel channel = FileChannel.open(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(folder);
    }

    private MimeMessage read(Path file) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(sender.session(), in);
        }
    }

    /** Moves a receipt and stamps it with the time of the move: in sent/ that is when it was sent. */
    private void move(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
        fsyncDirectory(folder);
        fsyncDirectory(file.getParent());
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
