package cn.dataelements.contest.receipt;

import cn.dataelements.contest.entry.MaterialKind;
import java.util.Objects;

/**
 * One file a receipt lists: its name as the team sent it and what we took it for, as a Chinese label.
 *
 * @param name the file's name as received
 * @param kindZh its kind in Chinese, e.g. 作品申报书
 */
public record ReceivedFile(String name, String kindZh) {

    public ReceivedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kindZh, "kindZh");
    }

    /** The file with the Chinese label of its material kind. */
    public static ReceivedFile of(String name, MaterialKind kind) {
        return new ReceivedFile(name, label(kind));
    }

    static String label(MaterialKind kind) {
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
}
