package cn.dataelements.contest.search;

import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.SubmissionDocument;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.time.Instant;
import java.util.List;

/**
 * A found submission as the search API shows it: what an organizer needs to recognise an entry, without the
 * extracted text and the English details.
 */
public record SubmissionHit(
        String id, String subject, String from, Instant receivedAt, List<FileHit> files, List<ProblemHit> problems) {

    /** One file of the submission and whether its text could be read. */
    public record FileHit(String name, boolean extracted) {}

    /** Something wrong with the submission, as the organizer is told it. */
    public record ProblemHit(String code, String messageZh) {}

    static SubmissionHit of(SubmissionDocument doc) {
        List<FileDocument> files = doc.files() == null ? List.of() : doc.files();
        List<Problem> problems = doc.problems() == null ? List.of() : doc.problems();
        return new SubmissionHit(
                doc.id(),
                doc.subject(),
                doc.from(),
                doc.receivedAt(),
                files.stream().map(f -> new FileHit(f.name(), f.extracted())).toList(),
                problems.stream()
                        .map(p -> new ProblemHit(p.code(), p.messageZh()))
                        .toList());
    }
}
