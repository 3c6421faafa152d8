package cn.dataelements.contest.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.system.text.ChineseFolding;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static java.util.List<String> fragments(String query, String text) {
        return new Highlighter(ChineseFolding.fold(query)).fragments(text, ChineseFolding.fold(text), 3, 40);
    }

    @Test
    void aFragmentNeverStartsOrEndsInsideANumber() {
        String text = "项目总投资 12345678 元，其中设备购置 1000 万元，年度预算 2023-5200000 元，用于气象指数保险平台建设与运营维护，" + "数据来自 12345678901 个站点";

        String fragment = fragments("气象指数", text).get(0);

        assertThat(fragment).contains("<em>气象指数</em>").startsWith("…").endsWith("…");
        assertThat(fragment.substring(1))
                .as("no number cut at the start")
                .doesNotStartWith("-")
                .doesNotMatch("^\\d.*");
        assertThat(fragment).doesNotContain("-5200000 ").doesNotEndWith("1…");
    }

    @Test
    void aFragmentStartsAfterTheLineBreakBeforeItsHitAndHasNoRunsOfSpace() {
        String text = "第一部分作品概述，以下是申报单位填写的内容\n\n\n平台  以\t数据提供指数保险定价。";

        String fragment = fragments("指数保险", text).get(0);

        assertThat(fragment).isEqualTo("…平台 以 数据提供<em>指数保险</em>定价。");
    }

    @Test
    void tidyMakesRunsOfWhiteSpaceOneSpace() {
        assertThat(Highlighter.tidy(" 甲\n\n乙\t\t<em>丙</em>  ")).isEqualTo("甲 乙 <em>丙</em>");
    }
}
