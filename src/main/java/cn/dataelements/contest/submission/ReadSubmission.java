package cn.dataelements.contest.submission;

import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import java.util.List;

/**
 * A submission as read from the archive: what is indexed, plus each file's structure for building the entry.
 *
 * @param document the submission as indexed
 * @param files every file read, in the order of {@code document.files()}
 */
public record ReadSubmission(SubmissionDocument document, List<ReadFile> files) {}
