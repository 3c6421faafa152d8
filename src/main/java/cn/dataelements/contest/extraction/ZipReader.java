package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.io.input.ChecksumInputStream;

/**
 * Zip through commons-compress {@link ZipFile}, which reads the central directory and so can go on past a broken
 * entry. java.util.zip is not used: it throws on names that are not UTF-8, which is every zip from Chinese Windows.
 * The zip is opened with ISO-8859-1 names, which no byte sequence can fail to decode: any other charset refuses some
 * names (GB18030 refuses many UTF-8 names that macOS writes without the UTF-8 flag) and with them the whole zip.
 * {@link EntryNames#zipName} decodes each name's raw bytes itself.
 */
final class ZipReader {

    private ZipReader() {}

    static void read(Path archive, ArchiveLevel level) throws IOException {
        try (ZipFile zip = ZipFile.builder()
                .setPath(archive)
                .setCharset(StandardCharsets.ISO_8859_1)
                .setUseUnicodeExtraFields(true)
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!readEntry(zip, entry, level)) {
                    return;
                }
            }
        }
    }

    private static boolean readEntry(ZipFile zip, ZipArchiveEntry entry, ArchiveLevel level) {
        String name = EntryNames.zipName(entry);
        if (entry.isDirectory() || EntryNames.isJunk(name)) {
            return true;
        }
        if (entry.isUnixSymlink()) {
            level.link(name);
        } else if (entry.getGeneralPurposeBit().usesEncryption()) {
            level.encrypted(name);
        } else if (!zip.canReadEntryData(entry)) {
            level.unsupported(name, "zip method " + methodName(entry));
        } else {
            try (InputStream in = crcChecked(zip.getInputStream(entry), entry)) {
                return level.file(name, in, entry.getCompressedSize());
            } catch (IOException e) {
                level.corruptEntry(name, e); // the central directory still leads to the next entry
            }
        }
        return true;
    }

    /** ZipFile does not verify CRCs; a mismatch at the end of the entry means the bytes are damaged. */
    private static InputStream crcChecked(InputStream in, ZipArchiveEntry entry) throws IOException {
        if (entry.getCrc() < 0) {
            return in;
        }
        return ChecksumInputStream.builder()
                .setInputStream(in)
                .setChecksum(new CRC32())
                .setExpectedChecksumValue(entry.getCrc())
                .get();
    }

    private static String methodName(ZipArchiveEntry entry) {
        ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
        return method == null ? String.valueOf(entry.getMethod()) : method.name();
    }
}
