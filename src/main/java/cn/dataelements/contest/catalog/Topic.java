package cn.dataelements.contest.catalog;

/**
 * A topic (赛题) of a track, worded as in section 四 of the guide.
 *
 * @param number its number within the track, from 1
 * @param title the text before the guide's colon, e.g. 提升服务型制造能力
 * @param summary the rest of the guide's paragraph
 */
public record Topic(int number, String title, String summary) {}
