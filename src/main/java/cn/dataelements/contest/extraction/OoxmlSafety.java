package cn.dataelements.contest.extraction;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Turns on POI's own zip-bomb guard for OOXML (docx, xlsx, pptx), which are zips that {@link ArchiveExpander} leaves
 * to the document extractors. POI keeps these limits in static fields, so they are set once, when the application
 * starts, before any document is parsed.
 */
public final class OoxmlSafety {

    /** Same ratio as {@link ArchiveLimits#defaults()}: 1/100 means an entry may inflate at most 100 times. */
    public static final double MIN_INFLATE_RATIO = 0.01;

    /** Largest single part of an OOXML document; matches the per-entry limit for archives. */
    public static final long MAX_ENTRY_SIZE = ArchiveLimits.defaults().maxEntryBytes();

    private OoxmlSafety() {}

    public static void apply() {
        apply(MIN_INFLATE_RATIO, MAX_ENTRY_SIZE);
    }

    public static void apply(double minInflateRatio, long maxEntrySize) {
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxEntrySize);
    }
}
