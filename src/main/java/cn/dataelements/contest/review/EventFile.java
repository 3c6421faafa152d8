package cn.dataelements.contest.review;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One of the review's files: fsynced JSON lines, every change a new line with who and when, never rewritten. A line
 * cut short by a crash is set aside at start ({@link JsonLines#readAll} repairs the tail first); every whole line is
 * read back.
 */
final class EventFile<T> {

    private final Path file;
    private final ObjectMapper json;
    private final Class<T> type;

    EventFile(Path file, ObjectMapper json, Class<T> type) {
        this.file = file.toAbsolutePath();
        this.json = json;
        this.type = type;
    }

    List<T> readAll() {
        try {
            return JsonLines.readAll(file, json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    void append(T event) {
        appendAll(List.of(event));
    }

    /** All the events in one write and one fsync. */
    void appendAll(List<T> events) {
        try {
            JsonLines.appendAll(file, json, events);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the change in " + file, e);
        }
    }
}
