package cn.dataelements.contest.compliance;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The committee's decisions, on disk as fsynced JSON lines (the latest decision on a finding wins) and in memory.
 * Nothing derived from the archive touches this file, so rebuilds and re-runs keep every decision. A line cut short by
 * a crash is set aside at start ({@link JsonLines#repairTail}); the app starts with every whole line.
 */
@Component
public class DecisionStore {

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Decision> latest = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong revision = new java.util.concurrent.atomic.AtomicLong();

    DecisionStore(ComplianceProperties properties, ObjectMapper json) throws IOException {
        this.file = properties.decisionsDir().toAbsolutePath().resolve("decisions.jsonl");
        this.json = json;
        for (Decision d : JsonLines.readAll(file, json, Decision.class)) {
            latest.put(key(d.entryId(), d.code(), d.evidenceKey()), d);
        }
    }

    public synchronized void record(Decision decision) {
        try {
            JsonLines.append(file, json, decision);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the decision in " + file, e);
        }
        latest.put(key(decision.entryId(), decision.code(), decision.evidenceKey()), decision);
        revision.incrementAndGet();
    }

    /** Goes up with every decision recorded: a check that saw an older value may have missed one. */
    long revision() {
        return revision.get();
    }

    public Optional<Decision> on(String entryId, Finding finding) {
        return Optional.ofNullable(latest.get(key(entryId, finding.code(), Decision.evidenceKey(finding.evidence()))));
    }

    private static String key(String entryId, String code, String evidenceKey) {
        return entryId + "\u0000" + code + "\u0000" + evidenceKey;
    }
}
