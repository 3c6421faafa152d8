package cn.dataelements.contest.system.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pair tokens: a word's tokens are a run of the text's tokens exactly where the text holds the word. */
class CharacterPairsTest {

    @Test
    void ideographsAreUnitsAndLatinWordsAndNumbersAreOneUnitEach() {
        assertThat(CharacterPairs.units("用pdf导出3.5亿，ai质检"))
                .containsExactly("用", "pdf", "导", "出", "3", "5", "亿", "ai", "质", "检");
    }

    @Test
    void aWordsTokensRunInsideTheTextsTokensWhereTheTextHoldsIt() {
        String text = ChineseFolding.fold("本平台为氣象指數保險提供數據服務。");
        String word = ChineseFolding.fold("气象指数保险");
        List<String> textTokens = Arrays.asList(CharacterPairs.tokens(text).split(" "));

        assertThat(CharacterPairs.tokens(word).split(" ")).hasSize(5);
        assertThat(java.util.Collections.indexOfSubList(
                        textTokens, Arrays.asList(CharacterPairs.tokens(word).split(" "))))
                .isEqualTo(4);
    }

    @Test
    void scatteredCharactersShareNoRunAndPunctuationDoesNotBreakTheChain() {
        String scattered = CharacterPairs.tokens("气候与象征，指导数据");
        for (String pair : CharacterPairs.tokens("气象指数").split(" ")) {
            assertThat(scattered.split(" ")).doesNotContain(pair);
        }
        assertThat(CharacterPairs.tokens("海洋，牧场")).isEqualTo(CharacterPairs.tokens("海洋牧场"));
    }

    @Test
    void tokensAreWhatTheStandardAnalyzerKeepsWholeAndTheOrderOfAPairCounts() {
        String token = CharacterPairs.token("数", "据");
        assertThat(token).matches("[0-9a-z]{1,8}");
        assertThat(token).isNotEqualTo(CharacterPairs.token("据", "数"));
        assertThat(CharacterPairs.token("ab", "c")).isNotEqualTo(CharacterPairs.token("a", "bc"));
    }

    @Test
    void oneUnitHasNoPairs() {
        assertThat(CharacterPairs.tokens("pdf")).isEmpty();
        assertThat(CharacterPairs.tokens("海")).isEmpty();
        assertThat(CharacterPairs.tokens("")).isEmpty();
        assertThat(CharacterPairs.pairTexts("海洋牧")).containsExactly("海 洋", "洋 牧");
    }
}
