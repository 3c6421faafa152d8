package cn.dataelements.contest.system.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Folding makes traditional, full-width and upper-case forms match, and keeps every offset in place. */
class ChineseFoldingTest {

    @Test
    void traditionalFullWidthAndCaseFoldToOneForm() {
        assertThat(ChineseFolding.fold("氣象指數保險")).isEqualTo("气象指数保险");
        assertThat(ChineseFolding.fold("ＰＤＦ文件　２０２４")).isEqualTo("pdf文件 2024");
        assertThat(ChineseFolding.fold("數據要素×")).isEqualTo("数据要素×");
    }

    @Test
    void theFoldedCopyIsAsLongAsTheOriginal() {
        for (String text : new String[] {"ﬁ连字", "㈱会社", "①作品概述", "𠮷野家", "Ⅻ章", "ｶﾀｶﾅ", "臺灣資料"}) {
            assertThat(ChineseFolding.fold(text)).as(text).hasSameSizeAs(text);
        }
    }
}
