package cn.dataelements.contest.web;

import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.RouteHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A route's health as the 收件 page and the overview say it, in Chinese; the English detail stays for the log. */
final class RouteHealthText {

    private RouteHealthText() {}

    /** One line of the route's state: what it says, and the detail for those who run the app (may be empty). */
    record Line(String text, String detail, boolean bad) {}

    static List<Line> lines(RouteHealth h, Duration maxWait, Function<Instant, String> time) {
        Instant now = Instant.now();
        List<Line> lines = new ArrayList<>();
        if (h.poll() != null && h.poll().failing()) {
            lines.add(new Line(
                    "自 " + time.apply(h.poll().since()) + " 起无法读取来源（无法连接、登录被拒或文件夹不存在）",
                    h.poll().reason(),
                    true));
        }
        if (h.outage() != null && h.outage().failing()) {
            lines.add(new Line(
                    "自 " + time.apply(h.outage().since()) + " 起遇到服务中断（索引、来源或数据目录不可用），收件暂停并将自动重试",
                    h.outage().reason(),
                    true));
        }
        if (h.waiting() > 0) {
            Duration waited = h.oldestWait(now);
            boolean late = waited.compareTo(maxWait) > 0;
            lines.add(new Line(
                    "等待处理 " + h.waiting() + " 件"
                            + (h.oldestWaiting() == null ? "" : "，最早的已等待 " + minutes(waited))
                            + (late ? "（超过 " + maxWait.toMinutes() + " 分钟的上限）" : ""),
                    "",
                    late));
        } else if (h.waiting() == 0) {
            lines.add(new Line("没有等待处理的项目", "", false));
        }
        lines.add(new Line(h.lastTaken() == null ? "尚未收到任何项目" : "最近一次收件：" + time.apply(h.lastTaken()), "", false));
        if (h.consecutiveFailures() > 0) {
            lines.add(new Line("连续 " + h.consecutiveFailures() + " 件处理失败，将在下次轮询时重试，多次失败后移入隔离区", h.lastFailure(), true));
        }
        for (IntakeAttempts.Skipped skipped : h.skipped()) {
            lines.add(new Line(
                    "已跳过 1 件（自 " + time.apply(skipped.since()) + " 起）：无法处理也无法移入隔离区，请在来源处查看并处理",
                    skipped.item() + ": " + skipped.reason(),
                    true));
        }
        return lines;
    }

    private static String minutes(Duration waited) {
        long minutes = waited.toMinutes();
        return minutes < 1 ? "不到 1 分钟" : minutes + " 分钟";
    }
}
