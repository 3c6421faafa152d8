package cn.dataelements.contest.system.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable JSON-lines files: what the app must not lose before anything else knows of it (the intake ledger, the
 * committee's decisions, the version numbers receipts named). A line is on disk (fsynced) when {@link #append} returns.
 * A crash in the middle of an append leaves a partial last line; {@link #repairTail} sets it aside in
 * {@code <file>.torn} so the file reads again and the next append starts on a fresh line.
 */
public final class JsonLines {

    private static final Logger log = LoggerFactory.getLogger(JsonLines.class);
    private static final int CHUNK = 8192;

    private JsonLines() {}

    public static void append(Path file, ObjectMapper json, Object record) throws IOException {
        appendAll(file, json, java.util.List.of(record));
    }

    /** Appends the records in one write and one fsync: after a crash the file holds all of them or a torn tail. */
    public static void appendAll(Path file, ObjectMapper json, java.util.List<?> records) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Object record : records) {
            lines.append(json.writeValueAsString(record)).append('\n');
        }
        byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer buffer =
                    endsInsideALine(channel, size) ? ByteBuffer.wrap(withLeadingNewline(line)) : ByteBuffer.wrap(line);
            long position = size;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        }
    }

    /**
     * Cuts a partial last line (no line end: a crash mid-append) off the file and appends it to {@code <file>.torn},
     * with a warning. Returns true when there was one. Call before reading a file the app appends to.
     */
    public static boolean repairTail(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (!endsInsideALine(channel, size)) {
                return false;
            }
            long start = lastLineStart(channel, size);
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - start, Integer.MAX_VALUE - 8));
            channel.read(tail, start);
            Path torn = file.resolveSibling(file.getFileName() + ".torn");
            try (FileChannel aside = FileChannel.open(
                    torn, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                aside.write(ByteBuffer.wrap(withTrailingNewline(tail.array(), tail.position())));
                aside.force(false);
            }
            channel.truncate(start);
            channel.force(true);
            log.warn(
                    "{}: its last line was cut short ({} bytes, a crash while writing it); set aside in {}",
                    file,
                    size - start,
                    torn);
            return true;
        }
    }

    /**
     * Every record of the file, after {@link #repairTail}; a line that does not parse is logged and skipped, so one bad
     * line never stops the app from starting.
     */
    public static <T> List<T> readAll(Path file, ObjectMapper json, Class<T> type) throws IOException {
        List<T> records = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return records;
        }
        repairTail(file);
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(json.readValue(line, type));
            } catch (JsonProcessingException e) {
                log.warn(
                        "{}: line {} is not a {} and is skipped: {}",
                        file,
                        number,
                        type.getSimpleName(),
                        e.getOriginalMessage());
            }
        }
        return records;
    }

    private static boolean endsInsideALine(FileChannel channel, long size) throws IOException {
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) != '\n';
    }

    /** Where the last line begins: just after the last line end, or 0. */
    private static long lastLineStart(FileChannel channel, long size) throws IOException {
        long end = size;
        while (end > 0) {
            int length = (int) Math.min(CHUNK, end);
            ByteBuffer chunk = ByteBuffer.allocate(length);
            channel.read(chunk, end - length);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return end - length + i + 1;
                }
            }
            end -= length;
        }
        return 0;
    }

    private static byte[] withLeadingNewline(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 1);
        out.write('\n');
        out.writeBytes(line);
        return out.toByteArray();
    }

    private static byte[] withTrailingNewline(byte[] bytes, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1);
        out.write(bytes, 0, length);
        out.write('\n');
        return out.toByteArray();
    }
}
