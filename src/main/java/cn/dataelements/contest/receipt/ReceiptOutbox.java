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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts on disk, one {@code <receipt-id>.eml} each: written and fsynced to {@code outbox/} before the first try,
 * moved to {@code sent/} once the SMTP server accepted it, to {@code failed/} when the server refused the recipient
 * for good, to {@code skipped/} when never to be sent (rate limit). A receipt id in any of them is never sent again;
 * one left in {@code outbox/} by an SMTP failure or a crash is sent by {@link #flush()}. A crash between the server's
 * acceptance and the move to {@code sent/} sends it twice (same Message-ID): at-least-once.
 */
final class ReceiptOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReceiptOutbox.class);
    private static final String EML = ".eml";

    private final Path outbox;
    private final Path sent;
    private final Path failed;
    private final Path skipped;
    private final Path temp;
    private final ReceiptSender sender;

    ReceiptOutbox(Path dir, ReceiptSender sender) throws IOException {
        this.outbox = Files.createDirectories(dir.resolve("outbox"));
        this.sent = Files.createDirectories(dir.resolve("sent"));
        this.failed = Files.createDirectories(dir.resolve("failed"));
        this.skipped = Files.createDirectories(dir.resolve("skipped"));
        this.temp = Files.createDirectories(dir.resolve("tmp"));
        this.sender = sender;
    }

    /** True when this receipt id was ever queued, sent, refused or skipped. */
    synchronized boolean contains(String id) {
        return Stream.of(outbox, sent, failed, skipped).anyMatch(d -> Files.exists(d.resolve(id + EML)));
    }

    /** Puts the receipt in the outbox, durably, before anyone tries to send it. */
    synchronized void add(String id, MimeMessage message) throws IOException, MessagingException {
        write(id, message, outbox);
    }

    /** Keeps the receipt that will not be sent, so the id counts as handled and a person can see what it said. */
    synchronized void skip(String id, MimeMessage message) throws IOException, MessagingException {
        write(id, message, skipped);
    }

    /** Tries to send this queued receipt once; true when the server accepted it now. */
    synchronized boolean deliver(String id) {
        Path file = outbox.resolve(id + EML);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            sender.send(read(file));
            move(file, sent);
            log.info("Receipt {} sent", id);
            return true;
        } catch (SendFailedException e) {
            return refused(id, file, e);
        } catch (MessagingException | IOException e) {
            log.warn("Receipt {} stays in the outbox, tried again later: {}", id, e.toString());
            return false;
        }
    }

    /** Tries every receipt still in the outbox once, oldest id order; returns how many were sent. */
    synchronized int flush() throws IOException {
        int count = 0;
        for (String id : pending()) {
            count += deliver(id) ? 1 : 0;
        }
        return count;
    }

    /** A receipt that counted against its recipient's rate limit: who it went to and when it was composed. */
    record Counted(String recipient, Instant at) {}

    /**
     * Every receipt that counted against a rate limit (queued, sent or refused; not skipped), read back from disk so
     * a restart keeps the limits. A file that cannot be read is logged and left out.
     */
    synchronized List<Counted> counted() throws IOException {
        List<Counted> all = new ArrayList<>();
        for (Path folder : List.of(outbox, sent, failed)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(EML)).toList()) {
                    counted(file).ifPresent(all::add);
                }
            }
        }
        return all;
    }

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

    synchronized List<String> pending() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(EML))
                    .map(n -> n.substring(0, n.length() - EML.length()))
                    .sorted()
                    .toList();
        }
    }

    private boolean refused(String id, Path file, SendFailedException e) {
        boolean permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
        if (!permanent) {
            log.warn("Receipt {} stays in the outbox, tried again later: {}", id, e.toString());
            return false;
        }
        try {
            move(file, failed);
            log.warn("Receipt {} refused by the SMTP server for good, kept in failed/: {}", id, e.toString());
        } catch (IOException io) {
            log.warn("Receipt {} refused, and could not be moved to failed/: {}", id, io.toString());
        }
        return false;
    }

    private void write(String id, MimeMessage message, Path folder) throws IOException, MessagingException {
        Path part = temp.resolve(id + EML + ".part");
        try (FileChannel channel = FileChannel.open(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            message.writeTo(out);
            out.flush();
            channel.force(true);
        }
        Files.move(part, folder.resolve(id + EML), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(folder);
    }

    private MimeMessage read(Path file) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(sender.session(), in);
        }
    }

    private static void move(Path file, Path folder) throws IOException {
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(folder);
        fsyncDirectory(file.getParent());
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
