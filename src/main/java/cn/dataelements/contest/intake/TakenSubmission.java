package cn.dataelements.contest.intake;

import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.submission.ReadSubmission;

/**
 * A new submission taken in: the entry it is now part of, its pre-check, what was read, and the entry the submission
 * alone makes (its own form's contact, for the receipt).
 */
public record TakenSubmission(Entry entry, EntryFindings findings, ReadSubmission read, Entry view) {

    /** The version this submission made of its entry. */
    public Entry.Version version() {
        return entry.versions().stream()
                .filter(v -> v.submissionId().equals(read.document().id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Entry " + entry.id() + " has no version of submission "
                        + read.document().id()));
    }
}
