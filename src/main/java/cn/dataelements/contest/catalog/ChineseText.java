package cn.dataelements.contest.catalog;

import cn.dataelements.contest.normalize.TextNormalizer;
import java.util.regex.Pattern;

/**
 * The one way catalog names and the text they are looked for in are made comparable: NFKC (full-width letters,
 * digits and brackets become ASCII, ① becomes 1), traditional to simplified characters, lower case. Both sides go
 * through it, so a conversion ICU makes that a reader would not (著 → 着) still matches.
 */
final class ChineseText {

    /** Heading numbering after NFKC: 一、 1. 1.2 (一) (1) 第一部分, and ① which NFKC turns into 1. */
    private static final Pattern NUMBERING =
            Pattern.compile("^(第[一二三四五六七八九十0-9]+(部分|章|节)?[、.:]?|\\([一二三四五六七八九十0-9]+\\)|[一二三四五六七八九十]+[、.]"
                    + "|[0-9]+(\\.[0-9]+)*[、.]?)");

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s、.:。,;]+|[\\s、.:。,;]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ChineseText() {}

    /** Text made comparable, as the form normalizer folds it; null becomes empty. */
    static String normalize(String text) {
        return TextNormalizer.fold(text);
    }

    /** A heading made comparable and stripped of its numbering, spaces and edge punctuation: "一、 項目概述：" → 项目概述. */
    static String heading(String text) {
        String plain = EDGE_PUNCTUATION.matcher(normalize(text).strip()).replaceAll("");
        String unnumbered = NUMBERING.matcher(plain).replaceFirst("");
        return SPACES.matcher(EDGE_PUNCTUATION.matcher(unnumbered).replaceAll(""))
                .replaceAll("");
    }
}
