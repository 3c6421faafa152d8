package cn.dataelements.contest.compliance;

/**
 * One row of an imported list.
 *
 * @param line its line in the CSV file (the header is line 1)
 * @param unitName 单位名称 as written
 * @param creditCode 统一社会信用代码, upper-case ASCII, or empty
 * @param workTitle 作品名称, or empty (the dishonesty list has none)
 */
public record ListRow(int line, String unitName, String creditCode, String workTitle) {}
