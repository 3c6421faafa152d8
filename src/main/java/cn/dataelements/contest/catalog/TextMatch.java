package cn.dataelements.contest.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Substring matching of catalog names in free text; both sides go through {@link ChineseText#normalize}. */
final class TextMatch {

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern TOPIC_NUMBER = Pattern.compile("赛题\\s*[:：]?\\s*(?:第\\s*)?([0-9]{1,2}|[一二三四五六七八九十])");

    private TextMatch() {}

    /** Whether the normalized haystack contains the name or one of the aliases. */
    static boolean anyIn(String haystack, String name, List<String> aliases) {
        return Stream.concat(Stream.of(name), aliases.stream())
                .map(ChineseText::normalize)
                .anyMatch(n -> !n.isEmpty() && haystack.contains(n));
    }

    /** The topic number written as 赛题2, 赛题：二, 赛题 第3 in normalized text, or 0. */
    static int topicNumber(String haystack) {
        Matcher m = TOPIC_NUMBER.matcher(haystack);
        if (!m.find()) {
            return 0;
        }
        String n = m.group(1);
        return Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMERALS.indexOf(n) + 1;
    }

    /** The clauses of a normalized topic title long enough to name it on their own: "提升创新研发能力,推动…" → both. */
    static List<String> clauses(String normalizedTitle) {
        return Stream.of(normalizedTitle.split("[,、;]"))
                .map(String::strip)
                .filter(c -> c.length() >= 4)
                .toList();
    }
}
