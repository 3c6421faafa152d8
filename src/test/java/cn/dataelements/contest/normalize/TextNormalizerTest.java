package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsFullWidthCircledAndCase() {
        assertThat(TextNormalizer.forMatching("１．作品概述（ＡＢＣ）")).isEqualTo("1.作品概述(abc)");
        assertThat(TextNormalizer.forMatching("①解决方案")).isEqualTo("1解决方案");
    }

    @Test
    void foldsTraditionalToSimplified() {
        assertThat(TextNormalizer.forMatching("五、團隊介紹")).isEqualTo("五、团队介绍");
        assertThat(TextNormalizer.forMatching("應用價值與商業模式")).isEqualTo("应用价值与商业模式");
    }

    @Test
    void foldsAsIcuDoesOnAWholeTraditionalText() {
        String big5Form =
                "金融服務-香港某某數據有限公司-跨境支付風險監測系統。團隊由數據工程、演算法研究與行業專家組成，" + "具備持續運營與迭代能力；數據安全方面，採用分級分類管理、隱私計算與訪問審計，確保數據合規使用。";
        String icu = com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified")
                .transliterate(java.text.Normalizer.normalize(big5Form, java.text.Normalizer.Form.NFKC))
                .toLowerCase(java.util.Locale.ROOT);

        assertThat(TextNormalizer.fold(big5Form)).isEqualTo(icu).contains("团队由数据工程");
        assertThat(TextNormalizer.fold("𠀋團隊")).isEqualTo("𠀋团队");
    }

    @Test
    void collapsesWhitespaceIncludingIdeographicSpace() {
        assertThat(TextNormalizer.forMatching("  团队\u3000\u3000介绍 \t\n 简介 ")).isEqualTo("团队 介绍 简介");
    }

    @Test
    void displayKeepsTheOriginalCharacters() {
        assertThat(TextNormalizer.forDisplay("  五、團隊介紹（１） ")).isEqualTo("五、團隊介紹（１）");
        assertThat(TextNormalizer.forDisplay(null)).isEmpty();
        assertThat(TextNormalizer.forMatching(null)).isEmpty();
    }
}
