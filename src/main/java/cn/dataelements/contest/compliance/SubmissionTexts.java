package cn.dataelements.contest.compliance;

import java.util.Map;

/**
 * The texts of a submission's files, by path, for a check that did not just read the submission itself (an entry
 * checked again, or a version whose files came in several mails).
 */
public interface SubmissionTexts {

    /** Every file's text by its path in the submission; empty when the submission is unknown. */
    Map<String, String> of(String submissionId);
}
