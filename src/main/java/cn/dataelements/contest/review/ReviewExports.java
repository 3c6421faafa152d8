package cn.dataelements.contest.review;

import cn.dataelements.contest.exam.ExamResult;
import cn.dataelements.contest.system.sheets.SheetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The review's spreadsheets, written by {@link SheetWriter} (never a formula, long cells cut): a round's ranking, the
 * award list for publication, the 数字技能 exam ranking.
 */
public final class ReviewExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReviewExports() {}

    /**
     * A round's ranking as a sheet, people by their names.
     *
     * @param names display names by user name; a user name without one is written as it is
     */
    public static void ranking(
            ReviewPlan.Round round, List<Ranking.Track> tracks, Map<String, String> names, OutputStream out)
            throws IOException {
        java.util.function.Function<List<String>, String> people = users -> String.join(
                "、", users.stream().map(u -> names.getOrDefault(u, u)).toList());
        try (SheetWriter workbook = new SheetWriter()) {
            Sheet sheet = workbook.sheet(round.name() + "排名");
            workbook.row(
                    sheet,
                    0,
                    "赛道",
                    "名次",
                    "并列",
                    "作品编号",
                    "评审编号",
                    "作品名称",
                    "平均分",
                    "评审间差距",
                    "已评/应评",
                    "未评专家",
                    "各专家得分",
                    "建议晋级",
                    "已晋级",
                    "奖项撤销",
                    "代录（组织方据签字纸质表录入）");
            int r = 1;
            for (Ranking.Track track : tracks) {
                for (Ranking.Row row : track.rows()) {
                    workbook.row(
                            sheet,
                            r++,
                            track.name(),
                            row.rank() == 0 ? "" : String.valueOf(row.rank()),
                            row.tied() ? "并列" : "",
                            row.entry().entryId(),
                            row.entry().code(),
                            row.entry().workTitle(),
                            plain(row.mean()),
                            plain(row.spread()),
                            row.reviewerScores().size() + "/"
                                    + (row.reviewerScores().size()
                                            + row.missing().size()),
                            people.apply(row.missing()),
                            reviewerScores(row.reviewerScores(), names),
                            row.proposed() ? "是" : "",
                            row.advanced() ? "是" : "",
                            row.withdrawn() ? "已撤销（举报成立）" : "",
                            people.apply(row.proxied()));
                }
            }
            workbook.write(out);
        }
    }

    public static void awards(ReviewPlan.Round round, Notice notice, List<Standings.Award> awards, OutputStream out)
            throws IOException {
        try (SheetWriter workbook = new SheetWriter()) {
            Sheet sheet = workbook.sheet("获奖名单");
            workbook.row(sheet, 0, SheetWriter.CONTEST + round.name() + "获奖作品名单（公示）");
            workbook.row(
                    sheet,
                    1,
                    notice == null
                            ? "公示期：尚未开始"
                            : "公示期：" + DAY.format(notice.startsOn()) + "至" + DAY.format(notice.endsOn()) + "（北京时间），共 "
                                    + (notice.endsOn().toEpochDay()
                                            - notice.startsOn().toEpochDay()
                                            + 1)
                                    + " 天。举报实行实名制，须提供相应证据，匿名举报无效。");
            workbook.row(sheet, 2, "赛道", "作品名称", "参赛单位", "得分", "状态");
            int r = 3;
            for (Standings.Award award : awards) {
                workbook.row(
                        sheet,
                        r++,
                        award.trackName(),
                        award.row().entry().workTitle(),
                        String.join("、", award.units()),
                        plain(award.row().mean()),
                        award.withdrawn() ? "已撤销（" + award.note() + "）" : "获奖");
            }
            workbook.write(out);
        }
    }

    public static void exam(List<ExamRanking.Row> rows, OutputStream out) throws IOException {
        try (SheetWriter workbook = new SheetWriter()) {
            Sheet sheet = workbook.sheet("数字技能排名");
            workbook.row(sheet, 0, "考试", "名次", "并列", "姓名", "单位", "成绩");
            int r = 1;
            for (ExamRanking.Row row : rows) {
                ExamResult result = row.result();
                workbook.row(
                        sheet,
                        r++,
                        row.exam(),
                        String.valueOf(row.rank()),
                        row.tied() ? "并列" : "",
                        result.name(),
                        result.unit(),
                        plain(result.score()));
            }
            workbook.write(out);
        }
    }

    /** Each reviewer's score as people read it: 张伟：75.00；李四：80.50. */
    private static String reviewerScores(Map<String, BigDecimal> scores, Map<String, String> names) {
        return scores.entrySet().stream()
                .map(s -> names.getOrDefault(s.getKey(), s.getKey()) + "："
                        + s.getValue().toPlainString())
                .collect(Collectors.joining("；"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
