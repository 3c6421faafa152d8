package cn.dataelements.contest.extraction;

import cn.dataelements.contest.system.text.ChineseCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Entry names as people should read them: decoded the way Chinese Windows and macOS wrote them, normalised to
 * forward slashes, and recognised as operating-system clutter.
 *
 * <p>Clutter that is skipped silently, without a problem: anything under {@code __MACOSX/}, AppleDouble files
 * ({@code ._name}), {@code .DS_Store}, {@code Thumbs.db} and {@code desktop.ini}. None of them is ever a document a
 * team meant to send.
 */
final class EntryNames {

    private static final Set<String> JUNK_FILES = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private EntryNames() {}

    /**
     * The zip entry's name. The UTF-8 flag (EFS, bit 11) and the Info-ZIP Unicode Path extra field win when present
     * (commons-compress has applied them). Otherwise raw bytes that are valid UTF-8 and not plain ASCII are UTF-8
     * (macOS Archive Utility, 7-Zip without the flag); anything else is what Chinese Windows writes: GBK, read as its
     * superset GB18030.
     */
    static String zipName(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (entry.getNameSource() != ZipArchiveEntry.NameSource.NAME || raw == null) {
            return entry.getName();
        }
        return decodeRaw(raw);
    }

    /** A name's raw bytes as text: valid UTF-8 is UTF-8, anything else what Chinese Windows writes (GBK, as GB18030). */
    static String decodeRaw(byte[] raw) {
        return new String(raw, ChineseCharsets.charsetOf(raw));
    }

    /** Joins an archive's display path and an entry name: {@code a.zip} + {@code .\资质\x.pdf} → {@code a.zip/资质/x.pdf}. */
    static String display(String archiveDisplay, String entryName) {
        List<String> parts = new ArrayList<>();
        for (String segment : entryName.replace('\\', '/').split("/")) {
            // ".." cannot escape anything (files get generated names) but would make the display path lie.
            if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
                parts.add(segment);
            }
        }
        return parts.isEmpty() ? archiveDisplay : archiveDisplay + "/" + String.join("/", parts);
    }

    static boolean isJunk(String entryName) {
        String path = entryName.replace('\\', '/');
        if (path.startsWith("__MACOSX/") || path.contains("/__MACOSX/")) {
            return true;
        }
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.startsWith("._") || JUNK_FILES.contains(base.toLowerCase(Locale.ROOT));
    }
}
