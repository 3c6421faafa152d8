package cn.dataelements.contest.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the intake ledger.
 *
 * @param id unique id of this line
 * @param at when it was recorded
 * @param route the intake route
 * @param outcome what happened
 * @param submissionId the archived submission's id, or empty when it failed before archiving
 * @param messageId the source's message id, or empty
 * @param folder the source folder, or empty
 * @param uid the IMAP UID, or -1
 * @param reason why, for failures (English, for the log and the organizer's technical staff)
 */
public record LedgerEvent(
        String id,
        Instant at,
        String route,
        Outcome outcome,
        String submissionId,
        String messageId,
        String folder,
        long uid,
        String reason) {

    public LedgerEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        route = route == null ? "" : route;
        submissionId = submissionId == null ? "" : submissionId;
        messageId = messageId == null ? "" : messageId;
        folder = folder == null ? "" : folder;
        reason = reason == null ? "" : reason;
    }
}
