package cn.dataelements.contest.entry;

import cn.dataelements.contest.archive.ReceivedOrder;
import java.time.Instant;
import java.util.List;

/**
 * What one submission says on its own, before it is merged with the team's other submissions: kept in the views
 * index so a merge never needs to read the archive again.
 *
 * @param submissionId the submission
 * @param teamKey its team key, or empty
 * @param receivedAt the channel's receipt time
 * @param from who sent it (the mail's From address, lower-case), or empty
 * @param view the entry this submission alone would make
 * @param contactPoints the phones and e-mails of its contact and representatives ({@link People#contactPoints}), so
 *     a later submission from one of them can be matched to this team
 * @param order where it stands in the order of receipt, ties broken as {@link ReceivedOrder} says
 */
public record SubmissionView(
        String submissionId,
        String teamKey,
        Instant receivedAt,
        String from,
        Entry view,
        List<String> contactPoints,
        ReceivedOrder order) {

    public SubmissionView {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
        order = order == null ? new ReceivedOrder(receivedAt, "", -1, -1, submissionId) : order;
    }
}
