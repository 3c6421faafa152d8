package cn.dataelements.contest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackCatalogTest {

    private static TrackCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.load(Path.of("mappings")).tracks();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "现代农业-威海市某某公司-智慧果园管理平台 | 2",
                "赛道：数据要素×现代农业 | 2",
                "【报名】数据要素×绿色低碳赛道 威海某某环保科技有限公司 | 12",
                "Fw: 回复：气象服务—威海某某气象科技—海洋渔业气象指数保险 | 10",
                "现代农业-威海市某某公司-基于气象服务的智慧种植 | 2",
                "参赛作品（赛道十二） | 12",
                "赛道十：海雾预警 | 10",
                "赛道一：设备预测性维护平台 | 1",
                "赛道 ：现代农业 | 2",
                "現代農業－威海市某某公司－作品名 | 2",
                "數據要素×醫療健康 | 8",
                "ＡＢＣ公司－金融服務－普惠信贷风控 | 5",
                "数字机关 数据赋能 方向：某局一网通办 | 14",
                "数字技能 个人报名 | 14",
            })
    void findsTheTrackInSubjectsAndFormFields(String text, int number) {
        assertThat(catalog.findTrack(text)).map(Track::number).contains(number);
    }

    @Test
    void findsNoTrackWhereNoneIsNamed() {
        assertThat(catalog.findTrack("威海市某某公司-作品申报")).isEmpty();
        assertThat(catalog.findTrack("")).isEmpty();
        assertThat(catalog.findTrack(null)).isEmpty();
    }

    @Test
    void anUnknownNumberIsAnError() {
        assertThatThrownBy(() -> catalog.track(15)).hasMessage("no track 15; tracks are numbered 1-14");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "赛题：提高工业制造决策科学性，降本提质增效 | 2",
                "2.提高工业制造决策科学性,降本提质增效 | 2",
                "赛题3 | 3",
                "赛题：四 | 4",
                "所属赛题：提升创新研发能力 | 1",
                "賽題：提升服務型製造能力 | 3",
            })
    void findsTheTopicOfIndustry(String text, int number) {
        Track industry = catalog.track(1);

        assertThat(catalog.findTopic(industry, text)).map(Topic::number).contains(number);
    }

    @Test
    void aTopicOfAnotherTrackIsNotFound() {
        Optional<Topic> topic = catalog.findTopic(catalog.track(1), "赛题：促进农产品追溯管理能力提高");

        assertThat(topic).isEmpty();
    }

    @Test
    void findsSectionsByTheHeadingsTeamsWrite() {
        FormLayout form = catalog.track(2).form();

        assertThat(form.findSection("一、项目概述")).map(SectionSpec::key).contains("overview");
        assertThat(form.findSection("（二）技术方案：")).map(SectionSpec::key).contains("solution");
        assertThat(form.findSection("③应用成效")).map(SectionSpec::key).contains("value");
        assertThat(form.findSection("4. 盈利模式")).map(SectionSpec::key).contains("business");
        assertThat(form.findSection("第五部分 團隊情況")).map(SectionSpec::key).contains("team");
        assertThat(form.findSection("推广模式")).isEmpty();
        assertThat(form.section("business").orElseThrow().findPart("（一）推广模式"))
                .map(PartSpec::key)
                .contains("promotion");
    }
}
