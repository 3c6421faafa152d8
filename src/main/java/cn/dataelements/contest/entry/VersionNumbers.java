package cn.dataelements.contest.entry;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The version number each submission got in its entry, kept on disk as fsynced JSON lines: a receipt names the number,
 * so it must never change, not with a later submission received earlier (a retried mail) and not with a rebuild. Like
 * the committee's decisions this is written by people's view of the contest, not derived: rebuilds read it and keep it.
 * A submission not yet numbered gets the entry's next number, in order of intake.
 */
@Component
public class VersionNumbers {

    /** One line of the file: this submission is version {@code number} of that entry. */
    record Assigned(String entryId, String submissionId, int number) {}

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Map<String, Integer>> byEntry = new ConcurrentHashMap<>();

    VersionNumbers(VersionNumbersProperties properties, ObjectMapper json) throws IOException {
        this.file = properties.dir().toAbsolutePath().resolve("versions.jsonl");
        this.json = json;
        for (Assigned a : JsonLines.readAll(file, json, Assigned.class)) {
            byEntry.computeIfAbsent(a.entryId(), k -> new ConcurrentHashMap<>())
                    .putIfAbsent(a.submissionId(), a.number());
        }
    }

    /** The numbers already given in this entry, by submission id. */
    public Map<String, Integer> of(String entryId) {
        return new HashMap<>(byEntry.getOrDefault(entryId, Map.of()));
    }

    /** Keeps, durably, every number of the entry not kept yet; a number kept before is never replaced. */
    public synchronized void keep(String entryId, Map<String, Integer> numbers) {
        Map<String, Integer> kept = byEntry.computeIfAbsent(entryId, k -> new ConcurrentHashMap<>());
        numbers.forEach((submissionId, number) -> {
            if (!kept.containsKey(submissionId)) {
                try {
                    JsonLines.append(file, json, new Assigned(entryId, submissionId, number));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not keep version numbers in " + file, e);
                }
                kept.put(submissionId, number);
            }
        });
    }
}
