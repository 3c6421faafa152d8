package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.submission.ReadSubmission;

/**
 * Reads an archived submission of one channel into its indexed form, from the archived bytes only. Throws
 * {@link cn.dataelements.contest.submission.PermanentIntakeException} when the content cannot be handled.
 */
public interface SubmissionReader {

    /** The channel whose submissions this reads: mail, portal or export. */
    String channel();

    ReadSubmission read(ArchivedSubmission archived);
}
