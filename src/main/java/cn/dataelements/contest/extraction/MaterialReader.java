package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads one received file, whatever it is: an archive is unpacked (within limits) and each file in it read, any
 * other file has its text extracted out of process. What cannot be read is a problem on the submission, never a
 * failure of it.
 */
@Component
public class MaterialReader {

    /** The files read from one received file, and what could not be done. */
    public record Materials(List<ReadFile> files, List<Problem> problems) {}

    /**
     * One file as read: its indexed form, and the XHTML structure (headings, tables, numbered paragraphs) that the
     * normalizer reads; empty when no text could be extracted.
     */
    public record ReadFile(FileDocument document, String xhtml) {}

    private final ArchiveExpander expander;
    private final DocumentExtractor extractor;

    MaterialReader(ArchiveExpander expander, DocumentExtractor extractor) {
        this.expander = expander;
        this.extractor = extractor;
    }

    /**
     * @param displayPath the file's name as the team gave it (decoded)
     * @param file where it is on disk
     * @param sha256 its digest
     * @param workDir scratch space for unpacking, owned by the caller
     */
    public Materials read(String displayPath, Path file, long size, String sha256, Path workDir) throws IOException {
        List<ReadFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (expander.isArchive(file, displayPath)) {
            files.add(new ReadFile(
                    new FileDocument(nameOf(displayPath), displayPath, "archive", size, sha256, "", false), ""));
            ExpansionResult expanded = expander.expand(file, displayPath, workDir);
            problems.addAll(expanded.problems());
            for (ExpandedFile inner : expanded.files()) {
                files.add(extract(inner.displayPath(), inner.file(), inner.size(), inner.sha256(), problems));
            }
        } else {
            files.add(extract(displayPath, file, size, sha256, problems));
        }
        return new Materials(files, problems);
    }

    private ReadFile extract(String displayPath, Path file, long size, String sha256, List<Problem> problems) {
        Extraction extraction = extractor.extract(file, displayPath);
        problems.addAll(extraction.problems());
        FileDocument document = new FileDocument(
                nameOf(displayPath),
                displayPath,
                extraction.mediaType(),
                size,
                sha256,
                extraction.text(),
                extraction.ok());
        return new ReadFile(document, extraction.xhtml() == null ? "" : extraction.xhtml());
    }

    private static String nameOf(String displayPath) {
        return displayPath.substring(displayPath.lastIndexOf('/') + 1);
    }
}
