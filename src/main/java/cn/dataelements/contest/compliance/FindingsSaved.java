package cn.dataelements.contest.compliance;

/**
 * An entry's findings were written (a check, a re-check, a committee decision): what else keeps a view of the entry
 * with its findings (the search index) writes it now, in the same thread.
 *
 * @param input what the check looked at: the entry and the texts of its current files
 * @param findings the findings as written, with their decisions
 */
public record FindingsSaved(CheckInput input, EntryFindings findings) {}
