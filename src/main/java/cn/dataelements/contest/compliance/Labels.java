package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Channel;
import cn.dataelements.contest.entry.MaterialKind;

/** The Chinese names findings use for material kinds and channels, as the guide names them. */
final class Labels {

    private Labels() {}

    static String material(MaterialKind kind) {
        return kind.labelZh();
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
