package cn.dataelements.contest.review;

/**
 * A score an open round still lacks: an active assignment its reviewer has not scored. Closing the round takes a
 * reason for each ({@code review_missing_scores}).
 *
 * @param code the entry's round code, as the organizer reads it beside the entry
 * @param reason why it is missing, once the round closed without it; empty before
 */
public record MissingScore(String entryId, String code, String reviewer, String reason) {

    /** How a form or an API call names it: the entry's id and the reviewer. */
    public String key() {
        return entryId + ":" + reviewer;
    }
}
