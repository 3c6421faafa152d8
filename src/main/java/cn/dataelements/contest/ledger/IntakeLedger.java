package cn.dataelements.contest.ledger;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records every intake outcome: first appended and fsynced to a JSON-lines file on disk beside the archive, since
 * the index may be the very thing that is down; {@link LedgerReplicator} copies the lines to the ledger index.
 */
@Component
public class IntakeLedger {

    private static final Logger log = LoggerFactory.getLogger(IntakeLedger.class);

    private final Path dir;
    private final ObjectMapper json;
    private final Clock clock;
    private final LedgerReplicator replicator;

    IntakeLedger(LedgerProperties properties, ObjectMapper json, LedgerReplicator replicator) throws IOException {
        this.dir = properties.dir().toAbsolutePath();
        this.json = json;
        this.clock = Clock.systemUTC();
        this.replicator = replicator;
        repairTornLines();
    }

    /** A line cut short by a crash is set aside before anything appends to or copies from the files. */
    private void repairTornLines() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .toList()) {
                if (JsonLines.repairTail(file)) {
                    // the file is now shorter than what was copied: its checkpoint no longer marks whole lines
                    replicator.copyAgain(file.getFileName().toString());
                }
            }
        }
    }

    /** Appends one outcome durably, then asks for it to be copied to the index (without waiting for that). */
    public LedgerEvent record(
            String route,
            Outcome outcome,
            String submissionId,
            String messageId,
            String folder,
            long uid,
            String reason) {
        LedgerEvent event = new LedgerEvent(
                UUID.randomUUID().toString(),
                clock.instant(),
                route,
                outcome,
                submissionId,
                messageId,
                folder,
                uid,
                reason);
        append(event);
        log.info("Intake {}: route={} submission={} uid={} {}", outcome, route, submissionId, uid, reason);
        replicator.wake();
        return event;
    }

    private synchronized void append(LedgerEvent event) {
        try {
            Path file = dir.resolve("ledger-" + LocalDate.ofInstant(event.at(), ZoneOffset.UTC) + ".jsonl");
            JsonLines.append(file, json, event);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the intake ledger in " + dir, e);
        }
    }
}
