package cn.dataelements.contest.review;

import java.time.Instant;
import java.util.List;

/**
 * A real-name objection (举报) against an awarded entry during its public notice (guide, section 五): a row of
 * {@code review_objections}. The committee's decision on it is a row of {@code review_objection_decisions}.
 *
 * @param id stable id
 * @param round the round whose award list it objects to
 * @param entryId the entry objected to
 * @param name who objects (real name)
 * @param unit their unit, or empty
 * @param contact their phone or e-mail
 * @param reason what they say
 * @param evidence the evidence files, kept under {@code evidence/} by sha-256
 * @param receivedAt when the objection was received (as the organizer recorded it)
 * @param recordedBy who recorded it
 */
public record Objection(
        String id,
        String round,
        String entryId,
        String name,
        String unit,
        String contact,
        String reason,
        List<EvidenceFile> evidence,
        Instant receivedAt,
        String recordedBy) {

    public Objection {
        evidence = List.copyOf(evidence);
    }

    /** An evidence file as received. */
    public record EvidenceFile(String name, String sha256, long size) {}

    /** The committee's decision: UPHELD (the award is withdrawn) or DISMISSED. */
    public record Decision(String objectionId, String verdict, String reason, String by, Instant at) {}
}
