package cn.dataelements.contest.rebuild;

import java.util.List;

/**
 * What a rebuild from the archive did.
 *
 * @param archived submissions found in the archive
 * @param rebuilt submissions re-read and re-indexed with their entries
 * @param changedEntries entries whose pre-check came out different (e.g. after a word-list change); the others'
 *     findings were left as they were
 * @param failures those that could not be rebuilt, with the reason (they keep their previous documents)
 * @param seconds how long it took
 */
public record RebuildReport(
        int archived, int rebuilt, java.util.Set<String> changedEntries, List<String> failures, long seconds) {}
