package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.extraction.MaterialReader;
import cn.dataelements.contest.submission.ReadSubmission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an archived submission of one channel into its indexed form, from the archived bytes only. Throws
 * {@link cn.dataelements.contest.submission.PermanentIntakeException} when the content cannot be handled.
 */
public interface SubmissionReader {

    /** The channel whose submissions this reads: mail, portal or export. */
    String channel();

    ReadSubmission read(ArchivedSubmission archived);

    /**
     * The files of an archived submission as the team sent them (a mail's attachments, a registration's files), put
     * in the work folder, not unpacked and not read: what a download of an original serves.
     */
    List<MaterialReader.Received> receivedFiles(ArchivedSubmission archived, Path work) throws IOException;
}
