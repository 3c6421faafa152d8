package cn.dataelements.contest.entry;

/** What a file of an entry is, as the guide names the materials. */
public enum MaterialKind {
    /** 作品申报书 */
    APPLICATION_FORM("作品申报书"),
    /** 相关证明材料: 单位资质 */
    PROOF_QUALIFICATION("单位资质证明"),
    /** 相关证明材料: 责任声明 / 承诺书 */
    PROOF_RESPONSIBILITY_STATEMENT("责任声明（承诺书）"),
    /** 相关证明材料: 财务审计 */
    PROOF_FINANCIAL_AUDIT("财务审计证明"),
    /** 相关证明材料: 应用案例证明 */
    PROOF_APPLICATION_CASE("应用案例证明"),
    /** 相关证明材料: 知识产权 */
    PROOF_INTELLECTUAL_PROPERTY("知识产权证明"),
    /** 演示文稿 (PPT) */
    SLIDES("演示文稿"),
    /** 演示视频 */
    VIDEO("演示视频"),
    /** 参赛作品登记表 (track 14) */
    REGISTRATION_SHEET("参赛作品登记表"),
    /** 用数情况说明材料 (track 14) */
    DATA_USE_STATEMENT("用数情况说明材料"),
    /** 作品方案介绍 (track 14, PDF) */
    SOLUTION_INTRODUCTION("作品方案介绍"),
    /** an archive that was unpacked: its files are materials of their own */
    ARCHIVE("压缩包"),
    /** anything else: models, documentation, data samples */
    OTHER("其他材料");

    private final String labelZh;

    MaterialKind(String labelZh) {
        this.labelZh = labelZh;
    }

    /** The kind as the guide names it, for people: findings and receipts. */
    public String labelZh() {
        return labelZh;
    }
}
