package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.submission.Problem;
import org.junit.jupiter.api.Test;

/**
 * Inputs without Word structure: the XHTML Tika makes of a PDF (only paragraphs inside page divs, sometimes several
 * lines in one paragraph), a document that is not a form, and XHTML that cannot be read.
 */
class FormNormalizerFlatTest {

    private final FormNormalizer normalizer = new FormNormalizer();

    @Test
    void pdfLikeTrack14Introduction() {
        String xhtml = page(
                "<p>作品方案介绍</p>",
                "<p>作品名称：机关公文智能校对助手</p>",
                "<p>一、需求分析/场景设计/解决方案</p>",
                "<p>机关公文校对依赖人工。</p>",
                "<p>二、技术水准/创新性\n采用国产大模型与本地知识库。</p>",
                "<p>三、落地应用</p><p>已在市直三个部门试用。</p>",
                "<p>四、社会效益</p><p>每年节省校对工时约两千小时。</p>");

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.track14());

        assertThat(form.problems()).isEmpty();
        assertThat(form.sections())
                .extracting(FormSection::key, FormSection::heading, FormSection::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demand", "一、需求分析/场景设计/解决方案", "机关公文校对依赖人工。"),
                        org.assertj.core.groups.Tuple.tuple("technology", "二、技术水准/创新性", "采用国产大模型与本地知识库。"),
                        org.assertj.core.groups.Tuple.tuple("application", "三、落地应用", "已在市直三个部门试用。"),
                        org.assertj.core.groups.Tuple.tuple("benefit", "四、社会效益", "每年节省校对工时约两千小时。"));
        assertThat(form.header().workTitle()).isEqualTo("机关公文智能校对助手");
    }

    @Test
    void pdfLikeFiveSectionFormWithTocAndUnitsTable() {
        String xhtml = page(
                "<p>目录</p>",
                "<p>一、作品概述 .......... 1</p><p>二、解决方案 .......... 2</p>",
                "<p>三、应用价值 .......... 3</p><p>四、商业模式 .......... 4</p><p>五、团队介绍 .......... 5</p>",
                "<table><tbody>",
                "<tr><td><p>序号</p></td><td><p>单位名称</p></td><td><p>统一社会信用代码</p></td><td><p>角色</p></td></tr>",
                "<tr><td><p>1</p></td><td><p>甲公司</p></td><td><p>91371000ma3c8x1234</p></td><td><p>联合单位</p></td></tr>",
                "<tr><td><p>2</p></td><td><p>乙公司</p></td><td><p>9137100012345</p></td><td><p>牵头单位</p></td></tr>",
                "</tbody></table>",
                "<p>一、作品概述</p><p>概述。</p><p>二、解决方案</p><p>方案。</p><p>三、应用价值</p><p>价值。</p>",
                "<p>四、商业模式</p><p>模式。</p><p>五、团队介绍</p><p>团队。</p>");

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).extracting(FormSection::text).containsExactly("概述。", "方案。", "价值。", "模式。", "团队。");
        assertThat(form.header().units())
                .as("lead first; a code of the wrong shape is kept as written for compliance to report")
                .containsExactly(
                        new Entry.Unit("乙公司", "9137100012345", true),
                        new Entry.Unit("甲公司", "91371000MA3C8X1234", false));
    }

    @Test
    void aLetterIsNotRecognisedAsAForm() {
        String xhtml = page("<p>尊敬的组委会：</p>", "<p>我单位的作品概述见附件，商业模式部分稍后补充。</p>");

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).noneMatch(FormSection::found);
        assertThat(form.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "FORM_SECTION_MISSING",
                        "FORM_SECTION_MISSING",
                        "FORM_SECTION_MISSING",
                        "FORM_SECTION_MISSING",
                        "FORM_SECTION_MISSING",
                        "FORM_NOT_RECOGNISED");
    }

    @Test
    void brokenXhtmlIsReportedNotThrown() {
        NormalizedForm form = normalizer.normalize("<html><body><p>一、作品概述</body>", FormVocabularies.fiveSections());

        assertThat(form.sections()).hasSize(5).noneMatch(FormSection::found);
        assertThat(form.problems()).last().extracting(Problem::code).isEqualTo("FORM_NOT_RECOGNISED");
        assertThat(form.header()).isEqualTo(FormHeader.EMPTY);
    }

    @Test
    void emptySectionFollowedDirectlyByTheNextIsStillFound() {
        String xhtml = page(
                "<p>一、作品概述</p><p>概述。</p><p>二、解决方案</p><p>方案。</p>",
                "<p>三、应用价值</p><p>四、商业模式</p><p>模式。</p><p>五、团队介绍</p><p>团队。</p>");

        NormalizedForm form = normalizer.normalize(xhtml, FormVocabularies.fiveSections());

        assertThat(form.sections()).allMatch(FormSection::found);
        assertThat(form.sections().get(2).text()).isEmpty();
        assertThat(form.sections().get(3).text()).isEqualTo("模式。");
    }

    private static String page(String... body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title></title></head><body><div class=\"page\">"
                + String.join("\n", body) + "</div></body></html>";
    }
}
