package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.extraction.ArchiveExpander;
import cn.dataelements.contest.extraction.ExpandedFile;
import cn.dataelements.contest.extraction.MaterialReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An original file of a submission, as the team sent it, found again in the archive by its sha-256: a received file
 * (an attachment, a registration's file), or a file inside a received archive, which is unpacked within the usual
 * limits to find it. The file lives in a scratch folder only while it is handed over.
 */
@Component
public class OriginalFiles {

    /** Where the original is while it is handed over. */
    @FunctionalInterface
    public interface Sink {
        void take(String name, Path file, long size) throws IOException;
    }

    private final SubmissionArchive archive;
    private final SubmissionReaders readers;
    private final ArchiveExpander expander;
    private final Path workDir;

    OriginalFiles(
            SubmissionArchive archive,
            SubmissionReaders readers,
            ArchiveExpander expander,
            IntakeProperties properties) {
        this.archive = archive;
        this.readers = readers;
        this.expander = expander;
        this.workDir =
                ScratchFolder.cleared(properties.workDir().toAbsolutePath().resolve("originals"));
    }

    /**
     * Hands the submission's file with this sha-256 to the sink; false when the submission has none.
     *
     * @param name the name to give the file, or null for the name it came with
     */
    public boolean send(String submissionId, String sha256, String name, Sink sink) throws IOException {
        Optional<ArchivedSubmission> archived = archive.get(submissionId);
        if (archived.isEmpty() || !sha256.matches("[0-9a-f]{64}")) {
            return false;
        }
        return ScratchFolder.use(workDir, submissionId, work -> {
            List<MaterialReader.Received> files = readers.receivedFiles(archived.get(), work);
            for (MaterialReader.Received received : files) {
                if (received.sha256().equals(sha256)) {
                    sink.take(name == null ? received.displayPath() : name, received.file(), received.size());
                    return true;
                }
            }
            int unpacked = 0;
            for (MaterialReader.Received received : files) {
                if (expander.isArchive(received.file(), received.displayPath())) {
                    Path out = work.resolve("unpacked-" + unpacked++);
                    for (ExpandedFile inner : expander.expand(received.file(), received.displayPath(), out)
                            .files()) {
                        if (inner.sha256().equals(sha256)) {
                            sink.take(name == null ? inner.displayPath() : name, inner.file(), inner.size());
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }
}
