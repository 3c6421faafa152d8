package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state one {@link ArchiveExpander#expand} call shares across all archive levels: budgets, output, problems. */
final class ExpansionSession {

    private static final Logger log = LoggerFactory.getLogger(ExpansionSession.class);

    final ArchiveLimits limits;
    private final Path outDir;
    private final List<ExpandedFile> files = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int entries;
    private long totalBytes;
    private int sequence;
    private boolean stopped;

    ExpansionSession(ArchiveLimits limits, Path outDir) {
        this.limits = limits;
        this.outDir = outDir;
    }

    /** A new empty file under the output directory whose name owes nothing to any entry name. */
    Path newTarget() throws IOException {
        while (true) {
            Path candidate = outDir.resolve(String.format("entry-%06d.bin", ++sequence));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // an earlier expansion into the same directory; take the next number
            }
        }
    }

    void add(ExpandedFile file) {
        files.add(file);
        entries++;
        totalBytes += file.size();
    }

    void problem(Problem problem) {
        // recorded on the submission; its location is a file name a team chose, so not above DEBUG
        log.debug("Archive problem {} at '{}': {}", problem.code(), problem.location(), problem.detailEn());
        problems.add(problem);
    }

    boolean entryCountReached() {
        return entries >= limits.maxEntries();
    }

    long totalRemaining() {
        return limits.maxTotalBytes() - totalBytes;
    }

    /** After a session-wide limit nothing more is read from any archive. */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    ExpansionResult result() {
        return new ExpansionResult(files, problems);
    }
}
