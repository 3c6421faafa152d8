package cn.dataelements.contest.intake;

import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.submission.ReadSubmission;

/**
 * A new submission taken in: the entry it is now part of, its pre-check, and what was read. The route's last steps
 * (a receipt for mail) work from this.
 */
public record TakenSubmission(Entry entry, EntryFindings findings, ReadSubmission read) {

    /** The version this submission made of its entry. */
    public Entry.Version version() {
        return entry.versions().stream()
                .filter(v -> v.submissionId().equals(read.document().id()))
                .findFirst()
                .orElse(entry.versions().get(entry.versions().size() - 1));
    }
}
