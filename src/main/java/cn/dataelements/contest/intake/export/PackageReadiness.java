package cn.dataelements.contest.intake.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an export package in the drop folder may be read yet, so a package still being copied is never read early:
 * a folder only once its done-marker file is in it; a zip once a done-marker beside it ({@code <name>.zip.done}) is
 * there, or once its size and time have not changed for the configured time. Anything else is not a package.
 */
public final class PackageReadiness {

    /** What the drop folder's entry is, for now. */
    public enum State {
        READY,
        WAITING,
        NOT_A_PACKAGE
    }

    private record Seen(long size, Instant modified, Instant since) {}

    private final String doneMarker;
    private final Duration stableFor;
    private final Clock clock;
    private final Map<Path, Seen> zips = new ConcurrentHashMap<>();

    /**
     * @param doneMarker the file name that marks a folder package complete, e.g. {@code .done}
     * @param stableFor how long a zip's size and time must stay the same before it is read without a marker
     */
    public PackageReadiness(String doneMarker, Duration stableFor, Clock clock) {
        this.doneMarker = doneMarker;
        this.stableFor = stableFor;
        this.clock = clock;
    }

    public State of(Path entry) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isRegularFile(entry.resolve(doneMarker), LinkOption.NOFOLLOW_LINKS)
                    ? State.READY
                    : State.WAITING;
        }
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return State.NOT_A_PACKAGE;
        }
        if (Files.isRegularFile(entry.resolveSibling(entry.getFileName() + ".done"), LinkOption.NOFOLLOW_LINKS)) {
            zips.remove(entry);
            return State.READY;
        }
        try {
            long size = Files.size(entry);
            Instant modified = Files.getLastModifiedTime(entry).toInstant();
            Instant now = clock.instant();
            Seen seen = zips.compute(
                    entry,
                    (path, before) -> before != null
                                    && before.size() == size
                                    && before.modified().equals(modified)
                            ? before
                            : new Seen(size, modified, now));
            if (size > 0 && !seen.since().plus(stableFor).isAfter(now)) {
                zips.remove(entry);
                return State.READY;
            }
            return State.WAITING;
        } catch (IOException e) {
            return State.WAITING;
        }
    }
}
