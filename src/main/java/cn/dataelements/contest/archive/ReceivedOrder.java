package cn.dataelements.contest.archive;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order submissions were received in, the same for live intake and a rebuild: the channel's own time, then, for
 * items of the same second (IMAP INTERNALDATE has one-second resolution), the route, the folder's UIDVALIDITY, the UID
 * and at last the submission id, so no two submissions ever tie.
 *
 * @param receivedAt the channel's receipt time
 * @param route the intake route's id
 * @param uidValidity the folder's UIDVALIDITY, or -1
 * @param uid the IMAP UID, or -1
 * @param submissionId the submission's id
 */
public record ReceivedOrder(Instant receivedAt, String route, long uidValidity, long uid, String submissionId)
        implements Comparable<ReceivedOrder> {

    private static final Comparator<ReceivedOrder> ORDER = Comparator.comparing(ReceivedOrder::receivedAt)
            .thenComparing(ReceivedOrder::route)
            .thenComparingLong(ReceivedOrder::uidValidity)
            .thenComparingLong(ReceivedOrder::uid)
            .thenComparing(ReceivedOrder::submissionId);

    public ReceivedOrder {
        route = route == null ? "" : route;
        submissionId = submissionId == null ? "" : submissionId;
    }

    /** Where a submission first received with these facts stands. */
    public static ReceivedOrder of(ReceivedFacts facts, String submissionId) {
        return new ReceivedOrder(facts.receivedAt(), facts.route(), facts.uidValidity(), facts.uid(), submissionId);
    }

    @Override
    public int compareTo(ReceivedOrder other) {
        return ORDER.compare(this, other);
    }
}
