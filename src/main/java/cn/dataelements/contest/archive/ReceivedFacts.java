package cn.dataelements.contest.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and when a submission was received, as the channel reports it: for mail the IMAP folder, UID, UIDVALIDITY,
 * Message-ID and INTERNALDATE (the server's receipt time, in UTC).
 *
 * @param channel mail, portal or export
 * @param route the intake route's id
 * @param folder the mailbox folder, or empty
 * @param uid the IMAP UID, or -1
 * @param uidValidity the folder's UIDVALIDITY, or -1
 * @param messageId the Message-ID header as sent, or empty
 * @param receivedAt the channel's own receipt time
 */
public record ReceivedFacts(
        String channel, String route, String folder, long uid, long uidValidity, String messageId, Instant receivedAt) {

    public ReceivedFacts {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(receivedAt, "receivedAt");
        folder = folder == null ? "" : folder;
        messageId = messageId == null ? "" : messageId;
    }

    /** True when both name the same item at the same source (a redelivery, not a second sending). */
    public boolean sameSourceItem(ReceivedFacts other) {
        return route.equals(other.route)
                && folder.equals(other.folder)
                && uid == other.uid
                && uidValidity == other.uidValidity;
    }
}
