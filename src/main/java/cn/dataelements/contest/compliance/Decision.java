package cn.dataelements.contest.compliance;

import java.time.Instant;

/**
 * A committee member's decision on a finding: kept apart from the findings, keyed by entry, finding code and
 * evidence, so that every re-run of the checks shows it again beside the same finding.
 *
 * @param entryId the entry
 * @param code the finding's code
 * @param evidenceKey the finding's evidence (file, field, text) as one key
 * @param verdict CONFIRMED or OVERRULED
 * @param reason why, in the member's words
 * @param by who decided (the signed-in user)
 * @param at when (UTC)
 */
public record Decision(
        String entryId, String code, String evidenceKey, String verdict, String reason, String by, Instant at) {

    static String evidenceKey(Evidence evidence) {
        return evidence.file() + "|" + evidence.field() + "|" + evidence.text();
    }
}
