package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The archive formats we expand, recognised by their leading bytes. A name is only used to leave office documents
 * alone: a docx is a zip by its bytes but a document to the contest.
 */
enum ArchiveFormat {
    ZIP,
    SEVEN_Z,
    TAR,
    TAR_GZ,
    RAR;

    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] ZIP_SPANNED = {'P', 'K', 7, 8};
    private static final byte[] SEVEN_Z_MAGIC = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    /** RAR 1.5–4.x ends the signature with 0x00, RAR5 with 0x01 0x00; both start like this. */
    private static final byte[] RAR_MAGIC = {'R', 'a', 'r', '!', 0x1A, 0x07};

    private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};
    private static final int TAR_HEADER = 512;

    /** Zip containers that are documents, not archives (OOXML, ODF, EPUB). */
    private static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of("docx", "docm", "xlsx", "xlsm", "pptx", "pptm", "odt", "ods", "odp", "epub", "ofd", "wps", "et");

    static Optional<ArchiveFormat> detect(Path file, String displayName) throws IOException {
        byte[] head = readHead(file, TAR_HEADER);
        if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY) || startsWith(head, ZIP_SPANNED)) {
            return isDocument(file, displayName) ? Optional.empty() : Optional.of(ZIP);
        }
        if (startsWith(head, SEVEN_Z_MAGIC)) {
            return Optional.of(SEVEN_Z);
        }
        if (startsWith(head, RAR_MAGIC)) {
            return Optional.of(RAR);
        }
        if (TarArchiveInputStream.matches(head, head.length)) {
            return Optional.of(TAR);
        }
        if (startsWith(head, GZIP_MAGIC) && gzipHoldsTar(file)) {
            return Optional.of(TAR_GZ);
        }
        return Optional.empty();
    }

    private static boolean isDocument(Path file, String displayName) {
        if (DOCUMENT_EXTENSIONS.contains(extension(displayName))) {
            return true;
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return zip.getEntry("[Content_Types].xml") != null || zip.getEntry("mimetype") != null;
        } catch (IOException unreadable) {
            return false; // expansion will report it as corrupt
        }
    }

    private static boolean gzipHoldsTar(Path file) {
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(TAR_HEADER);
            return TarArchiveInputStream.matches(head, head.length);
        } catch (IOException notGzip) {
            return false;
        }
    }

    private static byte[] readHead(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
