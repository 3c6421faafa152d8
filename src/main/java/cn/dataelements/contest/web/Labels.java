package cn.dataelements.contest.web;

import java.util.Map;

/** The pages' Chinese names for the API's values: facets, channels, severities, outcomes, version states. */
final class Labels {

    static final Map<String, String> FACETS = Map.of(
            "track", "赛道",
            "topic", "赛题",
            "channel", "渠道",
            "severity", "问题级别",
            "code", "问题类型",
            "decision", "监督委员会决定",
            "status", "版本状态",
            "unit", "单位");

    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("mail", "邮箱"),
            Map.entry("portal", "开放数据平台"),
            Map.entry("export", "山东通导出"),
            Map.entry("BLOCKING", "阻断"),
            Map.entry("WARNING", "警告"),
            Map.entry("INFO", "提示"),
            Map.entry("CONFIRMED", "确认"),
            Map.entry("OVERRULED", "驳回"),
            Map.entry("current", "当前版本"),
            Map.entry("late", "逾期版本"),
            Map.entry("INDEXED", "已入库"),
            Map.entry("DUPLICATE", "重复"),
            Map.entry("ALREADY_INDEXED", "已处理过"),
            Map.entry("QUARANTINED", "已隔离"),
            Map.entry("RETRIED", "待重试"),
            Map.entry("NOT_OPENED", "未开启"),
            Map.entry("OPEN", "进行中"),
            Map.entry("CLOSED", "已结束"),
            Map.entry("UPHELD", "举报成立"),
            Map.entry("DISMISSED", "举报不成立"),
            Map.entry("RUNNING", "生成中"),
            Map.entry("DONE", "已完成"),
            Map.entry("FAILED", "失败"));

    private Labels() {}

    /** The value's Chinese name, or the value itself. */
    static String of(String value) {
        return value == null ? "" : VALUES.getOrDefault(value, value);
    }
}
