package cn.dataelements.contest.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A received submission as it is indexed: immutable, one per distinct raw item, id = sha-256 of its raw bytes.
 * Matches {@code mappings/elasticsearch/submissions.index.json}.
 */
public record SubmissionDocument(
        String id,
        String channel,
        String route,
        Instant receivedAt,
        Instant archivedAt,
        Source source,
        String subject,
        String from,
        String fromName,
        String bodyText,
        List<FileDocument> files,
        List<Problem> problems,
        String status) {

    /** Where the submission came from at its first receipt. */
    public record Source(String folder, long uid, long uidValidity, String messageId, String reference) {}

    /**
     * One file of the submission, attachments and files inside archives alike.
     *
     * @param name the file's own name, decoded
     * @param path where it sits in the submission: the attachment name, then archive entries, joined by "/"
     * @param extracted whether text could be read from it
     * @param signatures how many electronic seals (电子签章) or digital signatures it carries (an OFD says), else 0
     */
    public record FileDocument(
            String name,
            String path,
            String contentType,
            long size,
            String sha256,
            String text,
            boolean extracted,
            int signatures) {

        /** A file that carries no seal. */
        public FileDocument(
                String name,
                String path,
                String contentType,
                long size,
                String sha256,
                String text,
                boolean extracted) {
            this(name, path, contentType, size, sha256, text, extracted, 0);
        }

        /** The same file with another text (none, or left out of the index). */
        public FileDocument withText(String other) {
            return new FileDocument(name, path, contentType, size, sha256, other, extracted, signatures);
        }
    }

    public static final String STATUS_RECEIVED = "received";

    /** The code of the problem that names a file whose text was left out of the index. */
    public static final String TEXT_NOT_INDEXED = "FILE_TEXT_NOT_INDEXED";

    /**
     * This document with its largest file text left out and a problem naming that file: what is indexed when the node
     * refuses the whole as too large. Empty when no file has text left to leave out.
     */
    public Optional<SubmissionDocument> withoutLargestText() {
        Optional<FileDocument> largest = files.stream()
                .filter(f -> f.text() != null && !f.text().isEmpty())
                .max(Comparator.comparingInt(f -> f.text().length()));
        if (largest.isEmpty()) {
            return Optional.empty();
        }
        FileDocument cut = largest.get();
        List<FileDocument> kept =
                files.stream().map(f -> f == cut ? f.withText("") : f).toList();
        List<Problem> more = new ArrayList<>(problems);
        more.add(new Problem(
                TEXT_NOT_INDEXED,
                "文件“" + cut.path() + "”的文字内容过多，超出索引的大小上限，未编入检索（原件已保存）。",
                "Text of " + cut.path() + " (" + cut.text().length() + " chars) left out: the submission was too large"
                        + " for the index",
                cut.path()));
        return Optional.of(with(kept, more));
    }

    /**
     * This document without its files' texts: what the database keeps (the texts are in the archive's files and the
     * extracted texts beside it, and in the submissions index).
     */
    public SubmissionDocument withoutTexts() {
        List<FileDocument> bare = files.stream().map(f -> f.withText(null)).toList();
        return with(bare, problems);
    }

    /** This document with its files as given (texts that OCR completed), its problems as they are. */
    public SubmissionDocument withFiles(List<FileDocument> otherFiles) {
        return with(otherFiles, problems);
    }

    private SubmissionDocument with(List<FileDocument> otherFiles, List<Problem> otherProblems) {
        return new SubmissionDocument(
                id,
                channel,
                route,
                receivedAt,
                archivedAt,
                source,
                subject,
                from,
                fromName,
                bodyText,
                otherFiles,
                otherProblems,
                status);
    }
}
