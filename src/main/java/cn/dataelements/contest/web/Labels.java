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

    /** What each audit action is, in words: the audit page shows these, the code stays in the data. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("account.create", "新建账号"),
            Map.entry("account.update", "修改账号"),
            Map.entry("account.unlock", "解除锁定"),
            Map.entry("account.locked", "账号因密码错误被锁定"),
            Map.entry("signin.failed", "登录失败"),
            Map.entry("token.create", "生成 API 令牌"),
            Map.entry("token.revoke", "撤销 API 令牌"),
            Map.entry("entry.view", "查看作品"),
            Map.entry("file.download", "下载原件"),
            Map.entry("search.export", "导出检索结果"),
            Map.entry("decision", "监督委员会裁定问题"),
            Map.entry("intake.retry", "重新处理隔离件"),
            Map.entry("intake.release", "放行跳过的邮件"),
            Map.entry("list.import", "导入名单"),
            Map.entry("rebuild.start", "开始重新处理全部收件"),
            Map.entry("review.round.open", "开启评审轮次"),
            Map.entry("review.round.close", "结束评审轮次"),
            Map.entry("review.assign", "分配评审专家"),
            Map.entry("review.unassign", "取消评审分配"),
            Map.entry("review.assign.refused", "分配因利益冲突被拒绝"),
            Map.entry("review.packet", "下载评审材料"),
            Map.entry("review.packets", "批量生成评审材料"),
            Map.entry("review.score", "提交评分"),
            Map.entry("review.score.proxy", "代录评分"),
            Map.entry("review.sheet.download", "下载评审专家的评分表"),
            Map.entry("review.scan", "查看代录扫描件"),
            Map.entry("review.advance", "确定晋级（获奖）"),
            Map.entry("review.award.withdraw", "撤销奖项"),
            Map.entry("review.award.restore", "恢复奖项"),
            Map.entry("review.export.ranking", "导出排名"),
            Map.entry("review.export.awards", "导出获奖名单"),
            Map.entry("review.export.exams", "导出数字技能排名"),
            Map.entry("review.notice", "开始公示"),
            Map.entry("review.objection", "登记举报"),
            Map.entry("review.objection.decision", "裁定举报"),
            Map.entry("review.evidence", "查看举报证据"),
            Map.entry("audit.verify", "校验审计日志"),
            Map.entry("retention.erase", "到期删除个人信息"));

    /** The value's Chinese name, or the value itself. */
    static String of(String value) {
        return value == null ? "" : VALUES.getOrDefault(value, value);
    }
}
