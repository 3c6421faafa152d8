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
            Map.entry("FAILED", "失败"),
            Map.entry("Started", "运行中"),
            Map.entry("Starting", "启动中"),
            Map.entry("Stopped", "已停止"),
            Map.entry("Stopping", "停止中"),
            Map.entry("Suspended", "已暂停"),
            Map.entry("mailbox", "邮箱收件"),
            Map.entry("INBOX", "收件箱"),
            Map.entry("blocking", "阻断"),
            Map.entry("warning", "警告"),
            Map.entry("info", "提示"),
            Map.entry("undecided", "待裁定"),
            Map.entry("received", "已收到"),
            Map.entry("CREDIT_CODE_MISSING", "未填统一社会信用代码"),
            Map.entry("CREDIT_CODE_INVALID", "统一社会信用代码校验不通过"),
            Map.entry("LEAD_UNIT_MISSING", "缺少牵头单位"),
            Map.entry("GOVERNMENT_UNIT_OUTSIDE_TRACK_14", "政府单位报了第十四赛道以外的赛道"),
            Map.entry("TOO_MANY_REPRESENTATIVES", "代表人数超过上限"),
            Map.entry("PERSON_IN_SEVERAL_TEAMS", "同一人在多个团队"),
            Map.entry("TEAM_SEVERAL_WORKS", "同一团队报送多件作品"),
            Map.entry("TEAM_SEVERAL_TRACKS", "同一团队报了多个赛道"),
            Map.entry("WRONG_CHANNEL", "报送渠道不符"),
            Map.entry("TRACK_NOT_ACCEPTED", "赛道不在受理范围"),
            Map.entry("TRACK_UNKNOWN", "未识别赛道"),
            Map.entry("MATERIAL_MISSING", "缺少必交材料"),
            Map.entry("MATERIAL_RECOMMENDED_MISSING", "缺少建议提交的材料"),
            Map.entry("FORM_SECTION_MISSING", "申报书缺少部分内容"),
            Map.entry("WORK_TITLE_MISSING", "未填作品名称"),
            Map.entry("WORK_TITLE_FORBIDDEN_WORD", "作品名称含禁用词"),
            Map.entry("UNIT_DISHONEST", "单位在失信名单中"),
            Map.entry("TEAM_IN_PROVINCIAL_CONTEST", "团队已报名省赛"),
            Map.entry("PROOF_NAMES_OTHER_ORGANIZATION", "证明材料中的单位与参赛单位不一致"),
            Map.entry("SUBMITTED_FILE_MISSING", "报送的文件未收到"));

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
            Map.entry("roadshow.move", "切换路演团队"),
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
        if (value == null) {
            return "";
        }
        String label = VALUES.get(value);
        if (label != null) {
            return label;
        }
        // a material kind (a missing material's evidence names one) reads as the catalog's name for it
        return java.util.Arrays.stream(cn.dataelements.contest.entry.MaterialKind.values())
                .filter(k -> k.name().equals(value))
                .findFirst()
                .map(cn.dataelements.contest.entry.MaterialKind::labelZh)
                .orElse(value);
    }
}
