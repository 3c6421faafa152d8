package cn.dataelements.contest.intake;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed attempts per source item, counted durably (fsynced JSON lines, read back at start), so an item that fails
 * every time for a reason that is not an outage is quarantined after {@code intake.routes.max-attempts} tries, across
 * polls and restarts alike, instead of being retried forever ahead of the items behind it. An item that cannot even be
 * quarantined (its source refuses to move it) is skipped: remembered by its key, left alone at every later poll, and
 * shown in health until a person releases it.
 */
@Component
public class IntakeAttempts {

    /** One failed attempt of an item, or (reset) the start of a fresh count. */
    record Attempt(String item, Instant at, String error, boolean reset) {}

    /**
     * An item given up on at its source: neither taken in nor quarantined.
     *
     * @param item its key ({@link SourceItem#key()})
     * @param route the route that met it
     * @param since when it was given up on
     * @param reason why (English)
     * @param released true once a person asked for it to be tried again
     */
    public record Skipped(String item, String route, Instant since, String reason, boolean released) {}

    private final Path attemptsFile;
    private final Path skippedFile;
    private final ObjectMapper json;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Skipped> skipped = new ConcurrentHashMap<>();

    IntakeAttempts(IntakeProperties properties, ObjectMapper json) throws IOException {
        Path dir = properties.attemptsDir().toAbsolutePath();
        this.attemptsFile = dir.resolve("attempts.jsonl");
        this.skippedFile = dir.resolve("skipped.jsonl");
        this.json = json;
        for (Attempt attempt : JsonLines.readAll(attemptsFile, json, Attempt.class)) {
            if (attempt.reset()) {
                counts.remove(attempt.item());
            } else {
                counts.merge(attempt.item(), 1, Integer::sum);
            }
        }
        for (Skipped skip : JsonLines.readAll(skippedFile, json, Skipped.class)) {
            if (skip.released()) {
                skipped.remove(skip.item());
            } else {
                skipped.put(skip.item(), skip);
            }
        }
    }

    /** How many attempts of this item failed so far. */
    public int failed(String item) {
        return counts.getOrDefault(item, 0);
    }

    /** Counts one more failed attempt, on disk first; returns the count. */
    public synchronized int fail(String item, String error) {
        append(attemptsFile, new Attempt(item, Instant.now(), error, false));
        return counts.merge(item, 1, Integer::sum);
    }

    /** The item went through after failed attempts: a later failure of the same item counts from one again. */
    public synchronized void succeeded(String item) {
        if (counts.containsKey(item)) {
            append(attemptsFile, new Attempt(item, Instant.now(), "", true));
            counts.remove(item);
        }
    }

    /** Gives the item up at its source: later polls leave it alone, and health names it. */
    public synchronized void skip(SourceItem item, String reason) {
        Skipped skip = new Skipped(item.key(), item.route(), Instant.now(), reason, false);
        append(skippedFile, skip);
        skipped.put(item.key(), skip);
    }

    /** True when the item was given up on and not released since. */
    public boolean isSkipped(String item) {
        return skipped.containsKey(item);
    }

    /** The items a route gave up on, the oldest first. */
    public List<Skipped> skipped(String route) {
        return skipped.values().stream()
                .filter(s -> s.route().equals(route))
                .sorted(Comparator.comparing(Skipped::since))
                .toList();
    }

    /** A person asks for a skipped item to be tried again: at the next poll, with a fresh count of attempts. */
    public synchronized boolean release(String item) {
        Skipped skip = skipped.remove(item);
        if (skip == null) {
            return false;
        }
        append(skippedFile, new Skipped(item, skip.route(), Instant.now(), skip.reason(), true));
        append(attemptsFile, new Attempt(item, Instant.now(), "", true));
        counts.remove(item);
        return true;
    }

    private void append(Path file, Object line) {
        try {
            JsonLines.append(file, json, line);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep an attempt in " + file, e);
        }
    }
}
