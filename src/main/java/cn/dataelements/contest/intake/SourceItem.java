package cn.dataelements.contest.intake;

/**
 * The few facts about an item at its source that a ledger line names, known before it is archived.
 *
 * @param route the intake route
 * @param folder the mailbox folder, or empty
 * @param uidValidity the folder's UIDVALIDITY, or -1
 * @param uid the IMAP UID, or -1
 * @param messageId the Message-ID as sent, or empty
 */
public record SourceItem(String route, String folder, long uidValidity, long uid, String messageId) {

    /** The item's identity at its source, the same on every poll and across restarts. */
    public String key() {
        return route + "|" + folder + "|" + uidValidity + "|" + uid;
    }
}
