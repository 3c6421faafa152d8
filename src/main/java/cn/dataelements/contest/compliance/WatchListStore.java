package cn.dataelements.contest.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the lists organizers import (失信, provincial registrations) in the database ({@code watch_list_imports}), each
 * import as received; the newest import of a list is the one in force and older ones stay for the record. Parsed lists
 * are cached by import, so checking an entry reads only which import is in force.
 */
public class WatchListStore {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

    /** One import as kept: its id, name as uploaded and time. */
    private record Kept(long id, String name, Instant importedAt) {}

    private final JdbcClient db;
    private final Clock clock;
    private final ConcurrentHashMap<Long, ListCsv.Parsed> cache = new ConcurrentHashMap<>();

    public WatchListStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Imports a list: reads it, and when its header is right keeps it as the list's newest import.
     *
     * @throws IllegalArgumentException when the file is not a CSV with the list's header row (nothing is kept)
     */
    public ImportReport importList(ListKind kind, String originalName, InputStream csv) {
        try {
            byte[] bytes = csv.readAllBytes();
            ListCsv.Parsed parsed = ListCsv.parse(kind, bytes);
            Instant at = clock.instant();
            long id = db.sql("insert into watch_list_imports (kind, name, content, imported_at) values (?, ?, ?, ?)"
                            + " returning id")
                    .params(kind.pathName(), safeName(originalName), bytes, Timestamp.from(at))
                    .query(Long.class)
                    .single();
            cache.put(id, parsed);
            ListImport list = describe(kind, new Kept(id, safeName(originalName), at), true);
            return new ImportReport(list, parsed.rows().size(), parsed.rejected(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list in force: its newest import, or an empty list when none was made. */
    public WatchList current(ListKind kind) {
        List<Kept> newest = kept(kind, 1);
        return newest.isEmpty()
                ? WatchList.empty()
                : new WatchList(
                        describe(kind, newest.get(0), true),
                        parsed(kind, newest.get(0).id()).rows());
    }

    /** The import that was in force before the newest one, or an empty list when there was none. */
    public WatchList previous(ListKind kind) {
        List<Kept> newest = kept(kind, 2);
        return newest.size() < 2
                ? WatchList.empty()
                : new WatchList(
                        describe(kind, newest.get(1), false),
                        parsed(kind, newest.get(1).id()).rows());
    }

    /** Every import of every list, oldest first within a list. */
    public List<ListImport> imports() {
        List<ListImport> all = new ArrayList<>();
        for (ListKind kind : ListKind.values()) {
            List<Kept> kept = new ArrayList<>(kept(kind, Integer.MAX_VALUE));
            java.util.Collections.reverse(kept);
            for (int i = 0; i < kept.size(); i++) {
                all.add(describe(kind, kept.get(i), i == kept.size() - 1));
            }
        }
        return all;
    }

    /** The newest imports of a list, newest first. */
    private List<Kept> kept(ListKind kind, int limit) {
        return db.sql("select id, name, imported_at from watch_list_imports where kind = ? order by id desc limit ?")
                .params(kind.pathName(), limit)
                .query((rs, n) -> new Kept(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("imported_at").toInstant()))
                .list();
    }

    private ListImport describe(ListKind kind, Kept kept, boolean inForce) {
        int rows = parsed(kind, kept.id()).rows().size();
        String file = STAMP.format(kept.importedAt().atZone(BEIJING)) + "-" + kept.name();
        return new ListImport(kind, file, kept.name(), kept.importedAt(), rows, inForce);
    }

    private ListCsv.Parsed parsed(ListKind kind, long id) {
        return cache.computeIfAbsent(
                id,
                key -> ListCsv.parse(
                        kind,
                        db.sql("select content from watch_list_imports where id = ?")
                                .param(key)
                                .query((rs, n) -> rs.getBytes("content"))
                                .single()));
    }

    /** The original name without folders or characters that are unsafe in a file name. */
    static String safeName(String originalName) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\x00-\\x1f:*?\"<>|]", "_")
                .strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "list" + name;
        }
        return name.endsWith(".csv") ? name : name + ".csv";
    }
}
