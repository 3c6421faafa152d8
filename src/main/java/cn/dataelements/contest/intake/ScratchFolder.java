package cn.dataelements.contest.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A folder of one read's own under a channel's work folder, removed when the read is over: the same submission may be
 * read twice at once (the same bytes twice in one poll, read in parallel; a rebuild beside live intake).
 */
public final class ScratchFolder {

    /** The work done in the folder. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Path folder) throws IOException;
    }

    private ScratchFolder() {}

    /** Empties a channel's work folder of what a crash left: called while the app starts, before anything reads. */
    public static Path cleared(Path parent) {
        try {
            FileSystemUtils.deleteRecursively(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the work folder " + parent, e);
        }
        return parent;
    }

    /** Runs the work in a new folder under {@code parent}, named after the item, and removes the folder after. */
    public static <T> T use(Path parent, String itemId, Work<T> work) {
        Path folder;
        try {
            folder = Files.createTempDirectory(Files.createDirectories(parent), itemId.substring(0, 16) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + parent + " failed while reading " + itemId, e);
        }
        try {
            return work.in(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + folder + " failed while reading " + itemId, e);
        } finally {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                // Left-over scratch files are harmless; the next start clears them.
            }
        }
    }
}
