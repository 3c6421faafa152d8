package cn.dataelements.contest.normalize;

/**
 * What a submission mail's subject says about the entry, as written; empty strings where it says nothing.
 *
 * @param trackText the track, without a trailing 赛道, e.g. "现代农业"
 * @param unitText the unit, e.g. "威海市某某科技有限公司"
 * @param workTitle the work's title
 */
public record SubjectFields(String trackText, String unitText, String workTitle) {

    static final SubjectFields NONE = new SubjectFields("", "", "");
}
