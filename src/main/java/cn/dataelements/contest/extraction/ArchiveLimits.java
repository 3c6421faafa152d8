package cn.dataelements.contest.extraction;

import java.time.Duration;
import java.util.Objects;

/**
 * How far {@link ArchiveExpander} goes before it stops and records a problem. Sizes are counted while the bytes are
 * streamed, never taken from the sizes an archive declares for itself.
 *
 * @param maxDepth how many archive levels are opened; the mailed archive is level 1, an archive inside it level 2
 * @param maxEntries files written across all levels of one expansion
 * @param maxTotalBytes bytes written across all levels of one expansion
 * @param maxEntryBytes bytes written for any one file
 * @param maxCompressionRatio written bytes per compressed byte, per zip entry and per archive, above which the data is
 *     treated as a zip bomb (small outputs under {@link #RATIO_GRACE_BYTES} are never judged by ratio)
 * @param externalTimeout how long the external {@code bsdtar} process may run for one archive
 */
public record ArchiveLimits(
        int maxDepth,
        int maxEntries,
        long maxTotalBytes,
        long maxEntryBytes,
        double maxCompressionRatio,
        Duration externalTimeout) {

    /** Outputs up to this size pass whatever their ratio: a page of blanks legitimately compresses 1000:1. */
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private static final Duration DEFAULT_EXTERNAL_TIMEOUT = Duration.ofMinutes(5);

    public ArchiveLimits {
        if (maxDepth < 1 || maxEntries < 1 || maxTotalBytes < 1 || maxEntryBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive (ratio at least 1): " + maxDepth + ", "
                    + maxEntries + ", " + maxTotalBytes + ", " + maxEntryBytes + ", " + maxCompressionRatio);
        }
        Objects.requireNonNull(externalTimeout, "externalTimeout");
    }

    public ArchiveLimits(
            int maxDepth, int maxEntries, long maxTotalBytes, long maxEntryBytes, double maxCompressionRatio) {
        this(maxDepth, maxEntries, maxTotalBytes, maxEntryBytes, maxCompressionRatio, DEFAULT_EXTERNAL_TIMEOUT);
    }

    /** Depth 3, 2000 files, 2 GiB in total, 512 MiB per file, ratio 100, five minutes for bsdtar: what {@link
     * ArchiveProperties} gives when nothing is set (asserted by its test). */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(3, 2000, 2L << 30, 512L << 20, 100);
    }
}
