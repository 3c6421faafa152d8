package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Channel;
import cn.dataelements.contest.entry.MaterialKind;

/** The Chinese names findings use for material kinds and channels, as the guide names them. */
final class Labels {

    private Labels() {}

    static String material(MaterialKind kind) {
        return switch (kind) {
            case APPLICATION_FORM -> "作品申报书";
            case PROOF_QUALIFICATION -> "单位资质证明";
            case PROOF_RESPONSIBILITY_STATEMENT -> "责任声明（承诺书）";
            case PROOF_FINANCIAL_AUDIT -> "财务审计证明";
            case PROOF_APPLICATION_CASE -> "应用案例证明";
            case PROOF_INTELLECTUAL_PROPERTY -> "知识产权证明";
            case SLIDES -> "演示文稿";
            case VIDEO -> "演示视频";
            case REGISTRATION_SHEET -> "参赛作品登记表";
            case DATA_USE_STATEMENT -> "用数情况说明材料";
            case SOLUTION_INTRODUCTION -> "作品方案介绍";
            case ARCHIVE -> "压缩包";
            case OTHER -> "其他材料";
        };
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case PORTAL -> "公共数据开放网大赛报名入口";
            case MAIL -> "大赛邮箱";
            case EXPORT -> "山东通平台";
            case NONE -> "（不在本选拔赛报名）";
        };
    }

    /** The channel as a submission records it ({@code mail}, {@code portal}, {@code export}), in Chinese. */
    static String arrived(String channel) {
        return Channel.PORTAL.yamlName().equals(channel)
                ? channel(Channel.PORTAL)
                : Channel.MAIL.yamlName().equals(channel)
                        ? channel(Channel.MAIL)
                        : Channel.EXPORT.yamlName().equals(channel) ? channel(Channel.EXPORT) : channel;
    }
}
