package cn.dataelements.contest.account;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who viewed, exported, decided or changed what: fsynced JSON lines, one file per month (UTC), never in Elasticsearch.
 * An event that cannot be written fails the action that caused it, so nothing is done unrecorded.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Path dir;
    private final ObjectMapper json;

    AuditLog(AccountProperties properties, ObjectMapper json) {
        this.dir = properties.auditDir().toAbsolutePath();
        this.json = json;
    }

    public synchronized void record(String who, String action, String target, String detail) {
        Instant now = Instant.now();
        Path file = dir.resolve("audit-" + YearMonth.from(now.atZone(ZoneOffset.UTC)) + ".jsonl");
        try {
            JsonLines.append(
                    file,
                    json,
                    new AuditEvent(now, who, action, target == null ? "" : target, detail == null ? "" : detail));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit log " + file, e);
        }
        log.debug("audit: {} {} {}", who, action, target);
    }

    /** The latest events, newest first, at most {@code limit}. */
    public synchronized List<AuditEvent> latest(int limit) {
        List<AuditEvent> events = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return events;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.getFileName().toString().matches("audit-\\d{4}-\\d{2}\\.jsonl"))
                    .sorted(Collections.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the audit log " + dir, e);
        }
        for (Path file : files) {
            try {
                List<AuditEvent> month = JsonLines.readAll(file, json, AuditEvent.class);
                Collections.reverse(month);
                for (AuditEvent event : month) {
                    if (events.size() >= limit) {
                        return events;
                    }
                    events.add(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the audit log " + file, e);
            }
        }
        return events;
    }
}
