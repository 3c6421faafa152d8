package cn.dataelements.contest.rebuild;

import java.time.Instant;

/**
 * A rebuild job as {@code GET /api/admin/rebuild/{id}} shows it.
 *
 * @param state RUNNING, DONE or FAILED (the job itself broke; submissions that failed are counted in {@code failed})
 * @param from what it reads: "archive" (a re-run of every submission) or "database" (new indices filled from what is
 *     committed)
 * @param reextract whether every file is extracted again rather than its kept text reused
 * @param total submissions to rebuild; -1 until they are listed
 * @param done submissions done so far, rebuilt or failed
 * @param secondsLeft an estimate from the rate so far; null before the first is done and once finished
 * @param report the outcome, once DONE
 * @param error why the job broke, once FAILED
 */
public record RebuildStatus(
        String id,
        String state,
        String from,
        boolean reextract,
        Instant started,
        Instant finished,
        int total,
        int done,
        int failed,
        long secondsElapsed,
        Long secondsLeft,
        RebuildReport report,
        String error) {}
