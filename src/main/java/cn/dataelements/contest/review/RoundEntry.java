package cn.dataelements.contest.review;

/**
 * An entry as a round froze it when it opened: later changes to the entry do not move it between rounds or tracks.
 *
 * @param entryId the entry
 * @param code the code the round gave it, as people read it (初赛-A017): what reviewers see ({@link RoundCodes}); empty
 *     before the round opened
 * @param workTitle 作品名称 when the round opened
 * @param track the track's number (0 when the entry had none)
 * @param trackName the track's name, or 未识别赛道
 */
public record RoundEntry(String entryId, String code, String workTitle, int track, String trackName) {

    /** An entry as a round would take it in, before it has a code. */
    public RoundEntry(String entryId, String workTitle, int track, String trackName) {
        this(entryId, "", workTitle, track, trackName);
    }
}
