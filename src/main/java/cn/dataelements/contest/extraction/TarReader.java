package cn.dataelements.contest.extraction;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * tar and tar.gz through commons-compress. Names are read as UTF-8 (pax headers always are; GNU tar writes the
 * locale's bytes, which on the machines teams use is UTF-8). Also reads the tar stream bsdtar produces from a rar.
 */
final class TarReader {

    private TarReader() {}

    static void read(Path archive, boolean gzipped, ArchiveLevel level) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                InputStream in = gzipped ? gunzip(file) : file) {
            readEntries(in, level);
        }
    }

    /** @return true if the stream was read to its end, false if a limit stopped it first */
    static boolean readEntries(InputStream in, ArchiveLevel level) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8");
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            if (entry.isDirectory() || EntryNames.isJunk(name)) {
                continue;
            }
            if (entry.isSymbolicLink() || entry.isLink()) {
                level.link(name);
            } else if (!entry.isFile()) {
                level.special(name);
            } else if (!level.file(name, tar, -1)) {
                return false;
            }
        }
        return true;
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        return GzipCompressorInputStream.builder()
                .setInputStream(in)
                .setDecompressConcatenated(true)
                .get();
    }
}
