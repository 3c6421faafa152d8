package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads one received file, whatever it is: an archive is unpacked (within limits) and each file in it read; a
 * winmail.dat is unpacked in an extraction child and each file in it read; any other file has its text extracted out
 * of process, or taken from what was extracted from the same file before ({@link ExtractedTexts}). Everything counts
 * against the submission's {@link SubmissionBudget}. What cannot be read is a problem on
 * the submission, never a failure of it, and a file left unread is still listed.
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

    private static final String TNEF_TYPE = "application/vnd.ms-tnef";
    private static final Set<String> LIMIT_CODES = Set.of(ArchiveProblems.TOO_MANY_ENTRIES, ArchiveProblems.TOO_LARGE);

    private final ArchiveExpander expander;
    private final DocumentExtractor extractor;
    private final ExtractedTexts extracted;

    MaterialReader(ArchiveExpander expander, DocumentExtractor extractor, ExtractedTexts extracted) {
        this.expander = expander;
        this.extractor = extractor;
        this.extracted = extracted;
    }

    /** A file received with a submission, as a channel hands it over: its name, its bytes on disk and their digest. */
    public record Received(String displayPath, Path file, long size, String sha256) {}

    /**
     * Reads every file of one submission within the submission's limits, each unpacked into its own folder under
     * {@code workDir}; the problems of the limits come last.
     */
    public Materials readAll(List<Received> received, Path workDir, SubmissionLimits limits) throws IOException {
        List<ReadFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        SubmissionBudget budget = new SubmissionBudget(limits);
        int n = 0;
        for (Received each : received) {
            Materials read = read(
                    each.displayPath(),
                    each.file(),
                    each.size(),
                    each.sha256(),
                    workDir.resolve("unpacked-" + n++),
                    budget);
            files.addAll(read.files());
            problems.addAll(read.problems());
        }
        problems.addAll(budget.problems());
        return new Materials(files, problems);
    }

    /**
     * @param displayPath the file's name as the team gave it (decoded)
     * @param file where it is on disk
     * @param sha256 its digest
     * @param workDir scratch space for unpacking, owned by the caller
     * @param budget what is left of the submission's limits; spent here
     */
    public Materials read(
            String displayPath, Path file, long size, String sha256, Path workDir, SubmissionBudget budget)
            throws IOException {
        List<ReadFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!budget.admit(displayPath, size)) {
            files.add(unread(displayPath, "application/octet-stream", size, sha256));
        } else if (isTnef(file, displayPath)) {
            files.add(unread(displayPath, TNEF_TYPE, size, sha256));
            readTnef(displayPath, file, workDir, budget, files, problems);
        } else if (expander.isArchive(file, displayPath)) {
            files.add(unread(displayPath, "archive", size, sha256));
            readArchive(displayPath, file, workDir, budget, files, problems);
        } else {
            files.add(extract(displayPath, file, size, sha256, problems, budget));
        }
        return new Materials(files, problems);
    }

    private void readArchive(
            String displayPath,
            Path file,
            Path workDir,
            SubmissionBudget budget,
            List<ReadFile> files,
            List<Problem> problems) {
        ArchiveLimits own = expander.limits();
        ArchiveLimits narrowed = budget.narrow(own);
        boolean budgetBinds =
                narrowed.maxEntries() < own.maxEntries() || narrowed.maxTotalBytes() < own.maxTotalBytes();
        ExpansionResult expanded;
        try {
            expanded = expander.expand(file, displayPath, workDir, narrowed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Work folder " + workDir + " failed while unpacking", e);
        }
        for (Problem problem : expanded.problems()) {
            if (budgetBinds && LIMIT_CODES.contains(problem.code())) {
                // the submission's limit stopped the expansion, not the archive's own
                budget.reached(problem.code().equals(ArchiveProblems.TOO_MANY_ENTRIES), problem.location());
            } else {
                problems.add(problem);
            }
        }
        for (ExpandedFile inner : expanded.files()) {
            if (budget.admit(inner.displayPath(), inner.size())) {
                files.add(extract(inner.displayPath(), inner.file(), inner.size(), inner.sha256(), problems, budget));
            }
        }
    }

    private void readTnef(
            String displayPath,
            Path file,
            Path workDir,
            SubmissionBudget budget,
            List<ReadFile> files,
            List<Problem> problems)
            throws IOException {
        Path out = workDir.resolve("tnef");
        DocumentExtractor.Unpacked unpacked = extractor.unpackTnef(
                file, displayPath, out, budget.filesLeft(), expander.limits().maxEntryBytes());
        if (!unpacked.ok()) {
            problems.add(new Problem(
                    "MAIL_TNEF_UNREADABLE",
                    "winmail.dat 无法解析，已按原文件保存",
                    "cannot unpack TNEF: " + unpacked.detail(),
                    displayPath));
        } else if (!unpacked.detail().isEmpty()) {
            problems.add(new Problem(
                    "MAIL_TNEF_PARTLY_READ", "winmail.dat 中有附件过大或过多，未全部读取（原件已保存）", unpacked.detail(), displayPath));
        }
        for (int i = 0; i < unpacked.files().size(); i++) {
            DocumentExtractor.UnpackedFile inner = unpacked.files().get(i);
            String name = inner.name().isEmpty() ? "附件-" + (i + 1) + ".bin" : inner.name();
            Materials read = read(
                    EntryNames.display(displayPath, name),
                    inner.file(),
                    inner.size(),
                    sha256(inner.file()),
                    workDir.resolve("tnef-" + (i + 1)),
                    budget);
            files.addAll(read.files());
            problems.addAll(read.problems());
        }
    }

    private ReadFile extract(
            String displayPath, Path file, long size, String sha256, List<Problem> problems, SubmissionBudget budget) {
        int left = budget.textLeft();
        if (left == 0) {
            budget.spentText(displayPath, 0, true);
            return new ReadFile(
                    new FileDocument(
                            nameOf(displayPath), displayPath, "application/octet-stream", size, sha256, "", false),
                    "");
        }
        Extraction extraction = extracted.find(sha256, displayPath, left).orElseGet(() -> {
            Extraction fresh = extractor.extract(file, displayPath, left);
            extracted.keep(sha256, displayPath, left, fresh);
            return fresh;
        });
        problems.addAll(extraction.problems());
        boolean cut = "true".equals(extraction.metadata().get(Extraction.TRUNCATED))
                && extraction.text().length() >= left;
        budget.spentText(displayPath, extraction.text().length(), cut);
        FileDocument document = new FileDocument(
                nameOf(displayPath),
                displayPath,
                extraction.mediaType(),
                size,
                sha256,
                extraction.text(),
                extraction.ok(),
                signatures(extraction));
        return new ReadFile(document, extraction.xhtml() == null ? "" : extraction.xhtml());
    }

    /** How many seals or signatures the extraction found on the file (an OFD's), 0 when none or unknown. */
    private static int signatures(Extraction extraction) {
        try {
            return Integer.parseInt(extraction.metadata().getOrDefault(Extraction.SIGNATURES, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A file listed, with no text of its own: a container, or one the submission's budget left unread. */
    private static ReadFile unread(String displayPath, String type, long size, String sha256) {
        return new ReadFile(new FileDocument(nameOf(displayPath), displayPath, type, size, sha256, "", false), "");
    }

    private static boolean isTnef(Path file, String displayPath) {
        return TnefUnpacker.isTnef(file)
                || nameOf(displayPath).toLowerCase(Locale.ROOT).equals("winmail.dat");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nameOf(String displayPath) {
        return displayPath.substring(displayPath.lastIndexOf('/') + 1);
    }
}
