package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/** 7z through commons-compress, entries in archive order so solid blocks are decompressed once. */
final class SevenZReader {

    /** LZMA dictionaries are allocated up front; an archive asking for more is refused rather than exhausting heap. */
    private static final int MAX_MEMORY_KIB = 256 * 1024;

    private static final int UNIX_EXTENSION = 0x8000;
    private static final int UNIX_FILE_TYPE = 0170000;
    private static final int UNIX_SYMLINK = 0120000;

    private SevenZReader() {}

    static void read(Path archive, ArchiveLevel level) throws IOException {
        try (SevenZFile seven = SevenZFile.builder()
                .setPath(archive)
                .setMaxMemoryLimitKiB(MAX_MEMORY_KIB)
                .get()) {
            InputStream current = new EntryStream(seven);
            SevenZArchiveEntry entry;
            while ((entry = seven.getNextEntry()) != null) {
                if (!readEntry(entry, current, level)) {
                    return;
                }
            }
        }
    }

    private static boolean readEntry(SevenZArchiveEntry entry, InputStream in, ArchiveLevel level) throws IOException {
        String name = entry.getName() == null ? "" : entry.getName();
        if (entry.isDirectory() || entry.isAntiItem() || EntryNames.isJunk(name)) {
            return true;
        }
        if (isSymlink(entry)) {
            level.link(name);
            return true;
        }
        try {
            return level.file(name, entry.hasStream() ? in : InputStream.nullInputStream(), -1);
        } catch (PasswordRequiredException e) {
            level.encrypted(name);
            return true;
        }
    }

    /** p7zip and 7-Zip on Unix store the st_mode in the high half of the attributes, flagged by 0x8000. */
    private static boolean isSymlink(SevenZArchiveEntry entry) {
        int attributes = entry.getWindowsAttributes();
        return entry.getHasWindowsAttributes()
                && (attributes & UNIX_EXTENSION) != 0
                && ((attributes >>> 16) & UNIX_FILE_TYPE) == UNIX_SYMLINK;
    }

    /** SevenZFile itself reads the current entry; this adapts it without closing the archive. */
    private static final class EntryStream extends InputStream {
        private final SevenZFile seven;

        EntryStream(SevenZFile seven) {
            this.seven = seven;
        }

        @Override
        public int read() throws IOException {
            return seven.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return seven.read(buffer, offset, length);
        }
    }
}
