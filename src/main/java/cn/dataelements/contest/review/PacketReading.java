package cn.dataelements.contest.review;

/**
 * Who a packet is for when it is made for a round's review: its cover names the contest, the round, the criteria
 * with their weights and ranges, and the reader; its last page is a score sheet to print. Such a packet leaves out
 * the compliance review (the committee's labels and reasons are not the reviewer's to weigh).
 *
 * @param reader the reviewer's name, or empty for a batch any reviewer may take
 */
public record PacketReading(ReviewPlan.Round round, String reader) {}
