package cn.dataelements.contest.submission;

import java.time.Instant;
import java.util.List;

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
     */
    public record FileDocument(
            String name, String path, String contentType, long size, String sha256, String text, boolean extracted) {}

    public static final String STATUS_RECEIVED = "received";
}
