package cn.dataelements.contest.review;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.List;

/**
 * One team's entry for the review tests, with everything that says who the team is written into its texts as teams
 * write it: the unit in full, by its declared short name, in traditional and full-width characters; people, phones,
 * e-mails and the credit code.
 */
final class ReviewEntries {

    static final String UNIT = "威海蓝海数据科技有限公司";
    static final String UNIT_TRADITIONAL = "威海藍海數據科技有限公司";
    static final String UNIT_FULL_WIDTH = "威海蓝海数据科技有限公司".replace("威海", "ＷＨ威海");
    static final String SHORT = "蓝海科技";
    static final String PARTNER = "山东海岸线信息技术有限公司";
    static final String TEAM = "蓝鲸突击队";
    static final String MEMBER = "张三丰";
    static final String MEMBER_TRADITIONAL = "張三豐";
    static final String CONTACT = "欧阳娜娜";
    static final String MEMBER_SPACED = "张 三　丰";
    static final String LANDLINE = "（0631）5212345";
    static final String PHONE = "13812345678";
    static final String PHONE_FULL_WIDTH = "１３８１２３４５６７８";
    static final String EMAIL = "zhang.sf@lanhai-data.cn";
    static final String EMAIL_FULL_WIDTH = "ｚｈａｎｇ．ｓｆ＠ｌａｎｈａｉ－ｄａｔａ．ｃｎ";
    static final String CREDIT_CODE = "91371000MA3C5L8X2K";
    static final String TITLE = "港口冷链数据可信流通平台";

    private ReviewEntries() {}

    /** The entry; {@code solution} is the text of its second section. */
    static Entry entry(String id, String solution) {
        String overview = UNIT + "（以下简称“" + SHORT + "”）联合" + PARTNER + "建设本平台。" + SHORT + "负责数据治理，"
                + UNIT_TRADITIONAL + "負責運營。项目负责人" + MEMBER + "（" + MEMBER_TRADITIONAL + "），电话 " + PHONE_FULL_WIDTH
                + "，邮箱 " + EMAIL_FULL_WIDTH + "；统一社会信用代码 " + CREDIT_CODE + "。平台汇聚港口冷链温度、位置与通关数据。";
        List<FormSection> sections = List.of(
                new FormSection(
                        "overview",
                        "作品概述",
                        true,
                        "一、作品概述",
                        overview,
                        List.of(new FormSection.Part("background", "背景", "（1）背景", "平台汇聚港口冷链温度数据。"))),
                new FormSection("solution", "解决方案", true, "二、解决方案", solution, List.of()),
                new FormSection("value", "应用价值", true, "三、应用价值", "降低冷链损耗，联系 " + CONTACT + " " + PHONE + "。", List.of()),
                new FormSection(
                        "business",
                        "商业模式",
                        true,
                        "四、商业模式",
                        "按数据调用量计费，由" + MEMBER_SPACED + "对接客户，座机 " + LANDLINE + "。",
                        List.of()),
                new FormSection(
                        "team",
                        "团队介绍",
                        true,
                        "五、团队介绍",
                        TEAM + "由" + MEMBER + "带领，成员来自" + UNIT_FULL_WIDTH + "和" + PARTNER + "。邮箱 " + EMAIL + "。",
                        List.of()));
        List<Material> materials = List.of(
                new Material("作品申报书.docx", "作品申报书.docx", MaterialKind.APPLICATION_FORM, "sub-1", "a".repeat(64)),
                new Material(
                        SHORT + "营业执照.pdf",
                        SHORT + "营业执照.pdf",
                        MaterialKind.PROOF_QUALIFICATION,
                        "sub-1",
                        "b".repeat(64)));
        return new Entry(
                id,
                List.of(new Entry.EntrySubmission("sub-1", "mail", "<1@example.com>", null)),
                new Entry.Track(1, "工业制造"),
                "港口物流数据融合",
                TITLE,
                TEAM,
                List.of(new Entry.Unit(UNIT, CREDIT_CODE, true), new Entry.Unit(PARTNER, "", false)),
                List.of(new Entry.Representative(MEMBER, "负责人", PHONE, EMAIL)),
                new Entry.Contact(CONTACT, PHONE, EMAIL),
                sections,
                materials,
                List.of(),
                "received",
                "",
                List.of(new Entry.Version(1, "sub-1", null, false, materials)),
                1,
                null,
                List.of(),
                "");
    }

    /** Every way the team can be recognized, which a blind packet must not contain. */
    static List<String> identifying() {
        return List.of(
                UNIT,
                UNIT_TRADITIONAL,
                "藍海",
                "蓝海",
                SHORT,
                PARTNER,
                "海岸线",
                TEAM,
                MEMBER,
                MEMBER_TRADITIONAL,
                CONTACT,
                PHONE,
                PHONE_FULL_WIDTH,
                EMAIL,
                EMAIL_FULL_WIDTH,
                "lanhai",
                CREDIT_CODE);
    }
}
