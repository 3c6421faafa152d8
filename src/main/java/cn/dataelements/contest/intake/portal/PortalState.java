package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a portal route keeps across restarts, in fsynced JSON lines under {@code ${intake.data-dir}/portal/<route>}:
 * its watermark, a compound cursor (updated-at, id) below which every registration was taken in, and the fingerprint
 * of each registration last taken in, so a registration the overlap shows again unchanged costs no download.
 */
class PortalState {

    /** Every registration up to this one (by updated-at, then id) was taken in. */
    record Cursor(String updatedAt, String id) {}

    /** A registration as last taken in: its updated-at and the hash of its record without links and counters. */
    record Seen(String id, String fingerprint) {}

    private final Path cursorFile;
    private final Path seenFile;
    private final ObjectMapper json;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile Cursor cursor;

    PortalState(Path dir, ObjectMapper json) {
        this.cursorFile = dir.resolve("cursor.jsonl");
        this.seenFile = dir.resolve("seen.jsonl");
        this.json = json;
        try {
            JsonLines.repairTail(cursorFile);
            JsonLines.repairTail(seenFile);
            List<Cursor> cursors = JsonLines.readAll(cursorFile, json, Cursor.class);
            cursor = cursors.isEmpty() ? null : cursors.get(cursors.size() - 1);
            JsonLines.readAll(seenFile, json, Seen.class).forEach(s -> seen.put(s.id(), s.fingerprint()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the portal state in " + dir, e);
        }
    }

    Optional<Cursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    void advance(Cursor next) {
        if (next.equals(cursor)) {
            return;
        }
        write(cursorFile, next);
        cursor = next;
    }

    /** True when the registration was taken in before with this fingerprint. */
    boolean seen(String id, String fingerprint) {
        return fingerprint.equals(seen.get(id));
    }

    /** True when a registration of this id was taken in before, in any form. */
    boolean known(String id) {
        return seen.containsKey(id);
    }

    void taken(String id, String fingerprint) {
        if (!seen(id, fingerprint)) {
            write(seenFile, new Seen(id, fingerprint));
            seen.put(id, fingerprint);
        }
    }

    private void write(Path file, Object record) {
        try {
            JsonLines.append(file, json, record);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the portal state in " + file, e);
        }
    }
}
