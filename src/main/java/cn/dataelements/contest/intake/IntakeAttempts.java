package cn.dataelements.contest.intake;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed attempts per source item, counted durably (fsynced JSON lines, read back at start), so an item that fails
 * every time for a reason that is not an outage is quarantined after {@code intake.routes.max-attempts} tries, across
 * polls and restarts alike, instead of being retried forever ahead of the mail behind it.
 */
@Component
class IntakeAttempts {

    /** One failed attempt of an item. */
    record Attempt(String item, Instant at, String error) {}

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    IntakeAttempts(IntakeProperties properties, ObjectMapper json) throws IOException {
        this.file = properties.attemptsDir().toAbsolutePath().resolve("attempts.jsonl");
        this.json = json;
        for (Attempt attempt : JsonLines.readAll(file, json, Attempt.class)) {
            counts.merge(attempt.item(), 1, Integer::sum);
        }
    }

    /** How many attempts of this item failed so far. */
    int failed(String item) {
        return counts.getOrDefault(item, 0);
    }

    /** Counts one more failed attempt, on disk first; returns the count. */
    synchronized int fail(String item, String error) {
        try {
            JsonLines.append(file, json, new Attempt(item, Instant.now(), error));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not count a failed attempt in " + file, e);
        }
        return counts.merge(item, 1, Integer::sum);
    }
}
