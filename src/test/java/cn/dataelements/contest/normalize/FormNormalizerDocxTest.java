package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.submission.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Word forms as teams write them, built with POI and read through Tika exactly as the extraction child reads them. */
class FormNormalizerDocxTest {

    private final FormNormalizer normalizer = new FormNormalizer();

    @Test
    void headingsWithHeaderTableTocAndSubParts() throws Exception {
        NormalizedForm form = normalizer.normalize(styledForm().xhtml(), FormVocabularies.fiveSections());

        assertThat(form.sections())
                .extracting(FormSection::key)
                .containsExactly("overview", "solution", "value", "business", "team");
        assertThat(form.sections()).allMatch(FormSection::found);
        assertThat(form.problems()).isEmpty();
        assertThat(form.sections())
                .extracting(FormSection::heading)
                .containsExactly("一、作品概述（不超过1000字）", "二、解决方案", "三、应用价值", "四、商业模式：", "五、团队介绍");

        FormSection overview = form.sections().get(0);
        assertThat(overview.title()).isEqualTo("作品概述");
        assertThat(overview.text()).startsWith("（1）背景\n威海海洋牧场").endsWith("融合气象、水质与渔船数据。");
        assertThat(overview.parts())
                .extracting(FormSection.Part::key, FormSection.Part::heading, FormSection.Part::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("background", "（1）背景", "威海海洋牧场面积大，人工巡检成本高。"),
                        org.assertj.core.groups.Tuple.tuple("industry", "（2）应用行业", "现代农业中的海水养殖。"),
                        org.assertj.core.groups.Tuple.tuple("advantage", "（3）核心优势", "融合气象、水质与渔船数据。"));

        FormSection solution = form.sections().get(1);
        assertThat(solution.parts())
                .extracting(FormSection.Part::key)
                .containsExactly("architecture", "functions", "keyTechnology", "dataUse");
        assertThat(solution.parts().get(3).text()).isEqualTo("接入市公共数据开放平台的海洋气象数据。\n本平台的商业模式将在第四部分说明。");
        assertThat(form.sections().get(2).parts())
                .extracting(FormSection.Part::key)
                .containsExactly("cases", "economic", "social");
        assertThat(form.sections().get(3).parts())
                .extracting(FormSection.Part::key, FormSection.Part::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("promotion", "按养殖面积订阅收费。"),
                        org.assertj.core.groups.Tuple.tuple("market", "山东沿海养殖面积广。"),
                        org.assertj.core.groups.Tuple.tuple("socialEffect", "带动渔民增收。"));
        FormSection team = form.sections().get(4);
        assertThat(team.text()).startsWith("1. 履历").endsWith("熟悉本地养殖户需求。");
        assertThat(team.parts())
                .extracting(FormSection.Part::key)
                .containsExactly("resume", "qualification", "strength");
    }

    @Test
    void headerTableGivesTitleTrackTopicUnitsMembersAndContact() throws Exception {
        FormHeader header = normalizer
                .normalize(styledForm().xhtml(), FormVocabularies.fiveSections())
                .header();

        assertThat(header.workTitle()).isEqualTo("海洋牧场数据智能平台");
        assertThat(header.trackText()).isEqualTo("现代农业");
        assertThat(header.topic()).isEqualTo("海洋牧场智能化管理");
        assertThat(header.units())
                .containsExactly(
                        new Entry.Unit("威海市海智科技有限公司", "91371000MA3C8X1234", true),
                        new Entry.Unit("山东海洋大学（威海）", "12370000MB0123456X", false));
        assertThat(header.representatives())
                .containsExactly(
                        new Entry.Representative("王芳", "总经理", "13806310001", "wangfang@haizhi.cn"),
                        new Entry.Representative("李强", "技术总监", "13806310002", "liqiang@haizhi.cn"));
        assertThat(header.contact()).isEqualTo(new Entry.Contact("王芳", "13806310001", "wangfang@haizhi.cn"));
    }

    @Test
    void wordAutomaticNumberingAndAMissingSection() throws Exception {
        String xhtml = new FormDocs()
                .paragraph("作品名称：智慧港口调度系统", "参赛赛道：交通运输赛道")
                .paragraph("申报单位：威海港智联信息技术有限公司（统一社会信用代码：９１３７１０００ma3c8x1234）")
                .paragraph("联系人：赵磊  联系电话：0631-5201234  邮箱：zhaolei@gangzhi.cn")
                .autoNumberedHeading("作品概述")
                .paragraph("背景：港口泊位紧张，船舶等待时间长。")
                .autoNumberedHeading("技术方案")
                .paragraph("基于船舶AIS数据预测到港时间。")
                .numberedParagraph("应用成效")
                .paragraph("我们的商业模式以政府购买服务为主，企业订阅为辅。", "船舶平均等待时间缩短两成。")
                .numberedParagraph("团队简介")
                .paragraph("团队由港口业务骨干和数据工程师组成。")
                .xhtml();
        assertThat(xhtml)
                .as("Tika drops style-linked numbers, writes paragraph numbers")
                .contains("<h1>作品概述</h1>")
                .contains("<p>1. 应用成效</p>");

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).extracting(FormSection::found).containsExactly(true, true, true, false, true);
        assertThat(form.sections())
                .extracting(FormSection::heading)
                .containsExactly("作品概述", "技术方案", "1. 应用成效", "", "2. 团队简介");
        assertThat(form.sections().get(0).parts())
                .containsExactly(new FormSection.Part("background", "背景", "背景", "港口泊位紧张，船舶等待时间长。"));
        assertThat(form.sections().get(2).text()).isEqualTo("我们的商业模式以政府购买服务为主，企业订阅为辅。\n船舶平均等待时间缩短两成。");
        assertThat(form.sections().get(3)).isEqualTo(new FormSection("business", "商业模式", false, "", "", List.of()));
        assertThat(form.problems())
                .containsExactly(new Problem(
                        "FORM_SECTION_MISSING", "申报书中未找到“商业模式”部分", "Form section 'business' (商业模式) not found", ""));

        FormHeader header = form.header();
        assertThat(header.workTitle()).isEqualTo("智慧港口调度系统");
        assertThat(header.trackText()).isEqualTo("交通运输赛道");
        assertThat(header.units()).containsExactly(new Entry.Unit("威海港智联信息技术有限公司", "91371000MA3C8X1234", true));
        assertThat(header.contact()).isEqualTo(new Entry.Contact("赵磊", "0631-5201234", "zhaolei@gangzhi.cn"));
    }

    @Test
    void sectionsAsTwoColumnTableWithInlineParts() throws Exception {
        String xhtml = new FormDocs()
                .paragraph("参赛作品申报书")
                .table(
                        new String[] {"项目名称", "渔船进出港智能调度"},
                        new String[] {"参赛单位", "威海渔港科技有限公司"},
                        new String[] {"统一社会信用代码", "91371082MA94RTW12K"},
                        new String[] {"作品简介（500字以内）", "背景：渔港拥堵。\n应用行业：渔业。\n核心优势：实时调度。"},
                        new String[] {"解决方案", "架构设计：云平台。\n关键技术：排队模型。"},
                        new String[] {"应用价值", "应用案例：石岛渔港。"},
                        new String[] {"商业模式", "推广模式：按港收费。\n市场空间：全省渔港。"},
                        new String[] {"团队介绍", "十名成员。"})
                .xhtml();

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).allMatch(FormSection::found);
        assertThat(form.sections().get(0).heading()).isEqualTo("作品简介（500字以内）");
        assertThat(form.sections().get(0).text()).isEqualTo("背景：渔港拥堵。\n应用行业：渔业。\n核心优势：实时调度。");
        assertThat(form.sections().get(0).parts())
                .extracting(FormSection.Part::key, FormSection.Part::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("background", "渔港拥堵。"),
                        org.assertj.core.groups.Tuple.tuple("industry", "渔业。"),
                        org.assertj.core.groups.Tuple.tuple("advantage", "实时调度。"));
        assertThat(form.sections().get(1).parts())
                .extracting(FormSection.Part::key)
                .containsExactly("architecture", "keyTechnology");
        assertThat(form.sections().get(4).text()).isEqualTo("十名成员。");
        assertThat(form.header().workTitle()).isEqualTo("渔船进出港智能调度");
        assertThat(form.header().units()).containsExactly(new Entry.Unit("威海渔港科技有限公司", "91371082MA94RTW12K", true));
    }

    @Test
    void coverListWithoutLeadersIsNotTakenForTheSections() throws Exception {
        String xhtml = new FormDocs()
                .paragraph("申报书包括以下部分：")
                .paragraph("作品概述", "解决方案", "应用价值", "商业模式", "团队介绍")
                .paragraph("１．作品概述", "概述正文。")
                .paragraph("②解决方案", "方案正文。")
                .heading2("(三)应用价值")
                .paragraph("价值正文。")
                .paragraph("第四部分 盈利模式", "盈利正文。")
                .paragraph("5、团队情况", "团队正文。")
                .xhtml();

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections())
                .extracting(FormSection::heading)
                .containsExactly("１．作品概述", "②解决方案", "(三)应用价值", "第四部分 盈利模式", "5、团队情况");
        assertThat(form.sections())
                .extracting(FormSection::text)
                .containsExactly("概述正文。", "方案正文。", "价值正文。", "盈利正文。", "团队正文。");
    }

    @Test
    void traditionalChineseForm() throws Exception {
        String xhtml = new FormDocs()
                .paragraph("作品名稱：海洋牧場數據平台")
                .heading("一、作品概述")
                .paragraph("（1）背景", "海洋牧場需要數據。")
                .heading("二、解決方案")
                .paragraph("方案內容。")
                .heading("三、應用價值")
                .paragraph("價值內容。")
                .heading("四、商業模式")
                .paragraph("模式內容。")
                .heading("五、團隊介紹")
                .paragraph("團隊內容。")
                .xhtml();

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).allMatch(FormSection::found);
        assertThat(form.sections().get(4).heading()).isEqualTo("五、團隊介紹");
        assertThat(form.sections().get(4).text()).isEqualTo("團隊內容。");
        assertThat(form.sections().get(0).parts())
                .containsExactly(new FormSection.Part("background", "背景", "（1）背景", "海洋牧場需要數據。"));
        assertThat(form.header().workTitle()).isEqualTo("海洋牧場數據平台");
    }

    private static FormDocs styledForm() {
        return new FormDocs()
                .paragraph("威海市“数据要素×”大赛参赛作品申报书")
                .table(
                        new String[] {"作品名称", "海洋牧场数据智能平台", "参赛赛道", "现代农业"},
                        new String[] {"赛题", "海洋牧场智能化管理", "", ""},
                        new String[] {"牵头单位", "威海市海智科技有限公司", "统一社会信用代码", "91371000MA3C8X1234"},
                        new String[] {"联合单位", "山东海洋大学（威海）", "统一社会信用代码", "12370000MB0123456X"},
                        new String[] {"联系人", "王芳", "联系电话", "13806310001"},
                        new String[] {"电子邮箱", "wangfang@haizhi.cn", "", ""})
                .table(
                        new String[] {"姓名", "职务", "电话", "邮箱"},
                        new String[] {"王芳", "总经理", "13806310001", "wangfang@haizhi.cn"},
                        new String[] {"李强", "技术总监", "13806310002", "liqiang@haizhi.cn"})
                .paragraph("目  录")
                .paragraph(
                        "一、作品概述……………………3", "二、解决方案……………………5", "三、应用价值……………………8", "四、商业模式……………………10", "五、团队介绍……………………12")
                .heading("一、作品概述（不超过1000字）")
                .paragraph("（1）背景", "威海海洋牧场面积大，人工巡检成本高。", "（2）应用行业", "现代农业中的海水养殖。")
                .paragraph("（3）核心优势：融合气象、水质与渔船数据。")
                .heading("二、解决方案")
                .paragraph(
                        "1.1 架构设计",
                        "平台采用云边协同架构。",
                        "1.2 方案功能",
                        "提供水质预警与投喂建议。",
                        "1.3 关键技术",
                        "多源时序数据融合。",
                        "1.4 数据要素利用方案",
                        "接入市公共数据开放平台的海洋气象数据。",
                        "本平台的商业模式将在第四部分说明。")
                .heading("三、应用价值")
                .paragraph("（一）应用案例", "已在荣成某海洋牧场上线运行。", "（二）经济效果", "节省巡检成本30%。", "（三）社会效益", "减少海上作业风险。")
                .heading("四、商业模式：")
                .paragraph("推广模式：按养殖面积订阅收费。", "市场空间：山东沿海养殖面积广。", "社会效应：带动渔民增收。")
                .heading("五、团队介绍")
                .paragraph("1. 履历", "核心成员从事海洋信息化十年。", "2. 资质", "高新技术企业。", "3. 优势", "熟悉本地养殖户需求。");
    }
}
