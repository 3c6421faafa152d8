package cn.dataelements.contest.submission;

import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.normalize.FormHeader;
import java.util.List;

/**
 * A submission as read from the archive: what is indexed, plus each file's structure for building the entry.
 *
 * @param document the submission as indexed
 * @param files every file read, in the order of {@code document.files()}
 * @param sender who sent it and how to answer: what a receipt needs ({@link Sender#NONE} when the channel has none)
 * @param declared what a structured channel's registration declares (title, track, units, people), which the entry
 *     takes before its form's header; null for mail
 */
public record ReadSubmission(SubmissionDocument document, List<ReadFile> files, Sender sender, FormHeader declared) {

    /** A submission whose channel declares nothing beside its files: mail. */
    public ReadSubmission(SubmissionDocument document, List<ReadFile> files, Sender sender) {
        this(document, files, sender, null);
    }

    /**
     * The sender as the channel names it: for mail, the decoded From, Reply-To and allow-listed headers.
     *
     * @param messageId the Message-ID as sent
     * @param from the sender's address
     * @param fromName the sender's display name
     * @param replyTo the Reply-To addresses
     * @param headers allow-listed, decoded headers (Auto-Submitted, Precedence, List-Id, Return-Path, ...)
     */
    public record Sender(
            String messageId,
            String from,
            String fromName,
            List<String> replyTo,
            java.util.Map<String, List<String>> headers) {

        public static final Sender NONE = new Sender("", "", "", List.of(), java.util.Map.of());
    }
}
