package cn.dataelements.contest.review;

/**
 * An entry as a round froze it when it opened: later changes to the entry do not move it between rounds or tracks.
 *
 * @param entryId the entry
 * @param workTitle 作品名称 when the round opened
 * @param track the track's number (0 when the entry had none)
 * @param trackName the track's name, or 未识别赛道
 */
public record RoundEntry(String entryId, String workTitle, int track, String trackName) {}
