package cn.dataelements.contest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the intake ledger on disk (the app's own record of every outcome, fsynced before anything else) to learn
 * when each benchmark mail was done: indexed, or quarantined.
 */
final class LedgerWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("INDEXED", "QUARANTINED");

    /** When a mail was done and how. */
    record Done(Instant at, String outcome) {}

    private final Path dir;

    LedgerWatch(Path dir) {
        this.dir = dir;
    }

    /** Waits until every one of these Message-IDs has a final outcome, or the time is up; returns those that do. */
    Map<String, Done> await(Set<String> messageIds, Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        Map<String, Done> done = read(messageIds);
        while (done.size() < messageIds.size() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            done = read(messageIds);
        }
        return done;
    }

    /** Those of these Message-IDs that have a final outcome now. */
    Map<String, Done> read(Set<String> messageIds) throws IOException {
        Map<String, Done> done = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return done;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".jsonl")).toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                JsonNode entry = line.isBlank() ? null : JSON.readTree(line);
                if (entry != null
                        && messageIds.contains(entry.path("messageId").asText())
                        && FINAL.contains(entry.path("outcome").asText())) {
                    done.putIfAbsent(
                            entry.path("messageId").asText(),
                            new Done(
                                    Instant.parse(entry.path("at").asText()),
                                    entry.path("outcome").asText()));
                }
            }
        }
        return done;
    }
}
