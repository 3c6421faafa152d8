package cn.dataelements.contest.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Keeps the lists organizers import (失信, provincial registrations). Each import is stored as received, as its own
 * file {@code <dir>/<list>/<yyyy-MM-dd'T'HHmmss>-<original name>} (Beijing time); the newest import of a list is the
 * one in force and older ones stay for the record. Parsed lists are cached by file, so checking an entry reads no
 * file once a list has been read.
 */
public class WatchListStore {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");
    private static final int STAMP_LENGTH = "yyyy-MM-ddTHHmmss".length();

    private final Path dir;
    private final Clock clock;
    private final ConcurrentHashMap<Path, ListCsv.Parsed> cache = new ConcurrentHashMap<>();

    public WatchListStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Imports a list: reads it, and when its header is right stores it as the list's newest import.
     *
     * @throws IllegalArgumentException when the file is not a CSV with the list's header row (nothing is stored)
     */
    public synchronized ImportReport importList(ListKind kind, String originalName, InputStream csv) {
        try {
            byte[] bytes = csv.readAllBytes();
            ListCsv.Parsed parsed = ListCsv.parse(kind, bytes);
            Path stored = store(kind, safeName(originalName), bytes);
            cache.put(stored, parsed);
            ListImport list = describe(kind, stored, true);
            return new ImportReport(list, parsed.rows().size(), parsed.rejected(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list in force: its newest import, or an empty list when none was made. */
    public WatchList current(ListKind kind) {
        return files(kind).stream()
                .reduce((first, second) -> second)
                .map(file -> new WatchList(
                        describe(kind, file, true), parsed(kind, file).rows()))
                .orElseGet(WatchList::empty);
    }

    /** The import that was in force before the newest one, or an empty list when there was none. */
    public WatchList previous(ListKind kind) {
        List<Path> files = files(kind);
        if (files.size() < 2) {
            return WatchList.empty();
        }
        Path file = files.get(files.size() - 2);
        return new WatchList(describe(kind, file, false), parsed(kind, file).rows());
    }

    /** Every import of every list, oldest first within a list. */
    public List<ListImport> imports() {
        List<ListImport> all = new ArrayList<>();
        for (ListKind kind : ListKind.values()) {
            List<Path> files = files(kind);
            for (int i = 0; i < files.size(); i++) {
                all.add(describe(kind, files.get(i), i == files.size() - 1));
            }
        }
        return all;
    }

    private Path store(ListKind kind, String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(kind.pathName()));
        LocalDateTime at = LocalDateTime.now(clock.withZone(BEIJING)).withNano(0);
        Instant newest =
                files(kind).stream().reduce((a, b) -> b).map(this::importedAt).orElse(Instant.MIN);
        while (true) {
            // Two imports in one second: the later one gets the next second, so names stay unique and in order.
            if (!at.atZone(BEIJING).toInstant().isAfter(newest)) {
                at = at.plusSeconds(1);
                continue;
            }
            Path file = folder.resolve(STAMP.format(at) + "-" + name);
            if (placeDurably(folder, file, bytes)) {
                return file;
            }
            at = at.plusSeconds(1);
        }
    }

    /**
     * Writes the import to a temporary file, fsyncs it and links it into place, so a crash leaves either the whole
     * import or none (a half-written list would be in force). False when the name is taken.
     */
    private static boolean placeDurably(Path folder, Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(folder, ".import-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                // a hard link appears whole and at once, and unlike a rename never replaces an existing import
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private List<Path> files(ListKind kind) {
        Path folder = dir.resolve(kind.pathName());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> isImport(f.getFileName().toString()))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ListImport describe(ListKind kind, Path file, boolean inForce) {
        String name = file.getFileName().toString();
        int rows = parsed(kind, file).rows().size();
        return new ListImport(kind, name, name.substring(STAMP_LENGTH + 1), importedAt(file), rows, inForce);
    }

    private ListCsv.Parsed parsed(ListKind kind, Path file) {
        return cache.computeIfAbsent(file, f -> {
            try {
                return ListCsv.parse(kind, Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Instant importedAt(Path file) {
        String stamp = file.getFileName().toString().substring(0, STAMP_LENGTH);
        return LocalDateTime.parse(stamp, STAMP).atZone(BEIJING).toInstant();
    }

    private static boolean isImport(String name) {
        if (name.length() < STAMP_LENGTH + 2 || name.charAt(STAMP_LENGTH) != '-') {
            return false;
        }
        try {
            STAMP.parse(name.substring(0, STAMP_LENGTH));
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
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
