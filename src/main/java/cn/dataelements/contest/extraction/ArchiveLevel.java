package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One archive being read, at one depth. Format readers hand it each entry; it applies the limits, writes the file,
 * and opens nested archives through the expander.
 */
final class ArchiveLevel {

    /** Opens a nested archive; true if it was opened (its entries replace it), false if it stays a plain file. */
    interface NestedExpansion {
        boolean expand(Path archive, ArchiveFormat format, String display, int depth) throws IOException;
    }

    private enum Bound {
        ENTRY,
        ENTRY_RATIO,
        ARCHIVE_RATIO,
        TOTAL
    }

    private record Budget(long bytes, Bound bound) {}

    private final ExpansionSession session;
    private final String display;
    private final int depth;
    private final long archiveSize;
    private final boolean streaming;
    private final NestedExpansion nested;
    private long written;
    private int encrypted;

    /** {@code streaming}: entries can only be skipped by reading them, so a cut-off entry ends the archive. */
    ArchiveLevel(
            ExpansionSession session,
            String display,
            int depth,
            long archiveSize,
            boolean streaming,
            NestedExpansion nested) {
        this.session = session;
        this.display = display;
        this.depth = depth;
        this.archiveSize = archiveSize;
        this.streaming = streaming;
        this.nested = nested;
    }

    String display() {
        return display;
    }

    /**
     * Writes one regular-file entry. {@code compressedSize} is -1 when the format does not know it per entry.
     *
     * @return false when nothing more should be read from this archive
     */
    boolean file(String entryName, InputStream in, long compressedSize) throws IOException {
        if (session.stopped()) {
            return false;
        }
        if (EntryNames.isJunk(entryName)) {
            return true;
        }
        if (session.entryCountReached()) {
            session.problem(ArchiveProblems.tooManyEntries(display, session.limits.maxEntries()));
            session.stop();
            return false;
        }
        String path = EntryNames.display(display, entryName);
        Budget budget = budget(compressedSize);
        Path target = session.newTarget();
        BoundedCopy.Outcome copied;
        try {
            copied = BoundedCopy.copy(in, target, budget.bytes());
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        if (copied.cutOff()) {
            Files.delete(target);
            return cutOff(path, budget.bound());
        }
        written += copied.bytes();
        ExpandedFile file = new ExpandedFile(path, target, copied.bytes(), copied.sha256());
        keepOrOpen(file);
        return !session.stopped();
    }

    void problem(Problem problem) {
        session.problem(problem);
    }

    void link(String entryName) {
        session.problem(ArchiveProblems.linkSkipped(EntryNames.display(display, entryName)));
    }

    void special(String entryName) {
        session.problem(ArchiveProblems.specialEntrySkipped(EntryNames.display(display, entryName)));
    }

    void unsupported(String entryName, String detail) {
        session.problem(ArchiveProblems.unsupportedMethod(EntryNames.display(display, entryName), detail));
    }

    void corruptEntry(String entryName, IOException e) {
        session.problem(ArchiveProblems.corrupt(EntryNames.display(display, entryName), String.valueOf(e)));
    }

    /** Counted, reported once per archive by {@link #finish()}: one problem, not hundreds. */
    void encrypted(String entryName) {
        if (!EntryNames.isJunk(entryName)) {
            encrypted++;
        }
    }

    void finish() {
        if (encrypted > 0) {
            session.problem(ArchiveProblems.encrypted(display, encrypted));
        }
    }

    private void keepOrOpen(ExpandedFile file) throws IOException {
        Optional<ArchiveFormat> format = ArchiveFormat.detect(file.file(), file.displayPath());
        if (format.isEmpty()) {
            session.add(file);
            return;
        }
        if (depth >= session.limits.maxDepth()) {
            session.problem(ArchiveProblems.tooDeep(file.displayPath(), session.limits.maxDepth()));
            session.add(file);
            return;
        }
        if (nested.expand(file.file(), format.get(), file.displayPath(), depth + 1)) {
            Files.delete(file.file()); // its entries stand in for it
        } else {
            session.add(file);
        }
    }

    private Budget budget(long compressedSize) {
        ArchiveLimits limits = session.limits;
        Budget budget = new Budget(limits.maxEntryBytes(), Bound.ENTRY);
        if (compressedSize >= 0) {
            budget = tighter(budget, ratioAllowance(compressedSize), Bound.ENTRY_RATIO);
        }
        budget = tighter(budget, ratioAllowance(archiveSize) - written, Bound.ARCHIVE_RATIO);
        return tighter(budget, session.totalRemaining(), Bound.TOTAL);
    }

    private long ratioAllowance(long compressed) {
        double allowed = session.limits.maxCompressionRatio() * compressed;
        return Math.max(ArchiveLimits.RATIO_GRACE_BYTES, allowed >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) allowed);
    }

    private static Budget tighter(Budget budget, long bytes, Bound bound) {
        return bytes < budget.bytes() ? new Budget(Math.max(0, bytes), bound) : budget;
    }

    private boolean cutOff(String path, Bound bound) {
        ArchiveLimits limits = session.limits;
        Problem problem = switch (bound) {
            case ENTRY -> ArchiveProblems.entryTooLarge(path, limits.maxEntryBytes());
            case ENTRY_RATIO, ARCHIVE_RATIO -> ArchiveProblems.suspiciousRatio(path, limits.maxCompressionRatio());
            case TOTAL -> ArchiveProblems.tooLarge(path, limits.maxTotalBytes());
        };
        boolean archiveEnds = streaming || bound == Bound.ARCHIVE_RATIO || bound == Bound.TOTAL;
        session.problem(archiveEnds && bound != Bound.TOTAL ? restUnread(problem) : problem);
        if (bound == Bound.TOTAL) {
            session.stop();
        }
        return !archiveEnds;
    }

    private static Problem restUnread(Problem problem) {
        return new Problem(
                problem.code(),
                problem.messageZh() + "该压缩包中其后的文件也未解压。",
                problem.detailEn() + "; the rest of this archive was not read",
                problem.location());
    }
}
