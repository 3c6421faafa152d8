package cn.dataelements.contest.system.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The app's data folder ({@code intake.data-dir}) as a place that can or cannot be written now: what tells a full or
 * read-only disk (an outage: every item would fail the same way) from a failure of one item's own.
 */
@Component
public class DataFolder {

    /** Below this many free bytes the folder counts as full: an item's archive and texts would not fit. */
    static final long MIN_FREE_BYTES = 64L << 20;

    private final Path dir;

    DataFolder(@Value("${intake.data-dir}") Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** Why the folder cannot take a write now (full, read-only, missing), or empty when it can. */
    public Optional<String> unwritable() {
        try {
            Files.createDirectories(dir);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                return Optional.of("the data folder " + dir + " is full (" + (free >> 20) + " MB free)");
            }
            Path probe = Files.createTempFile(dir, ".write-probe-", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {1}));
                channel.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("the data folder " + dir + " cannot be written: " + e);
        }
    }
}
