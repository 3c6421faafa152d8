package cn.dataelements.contest.system.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Chinese text for matching, character for character, so that a folded copy is exactly as long as the original
 * and every offset in it points at the same character of the original (hits and highlights found in the copy are shown
 * in the text as written): compatibility forms to their plain ones (NFKC: full-width ＰＤＦ and ０-９ to PDF and 0-9),
 * traditional characters to simplified (ICU4J's Traditional-Simplified), Latin letters to lower case. A character whose
 * folded form would be longer or shorter stays as it is. Text and queries are folded the same way.
 */
public final class ChineseFolding {

    private static final ThreadLocal<Transliterator> SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private ChineseFolding() {}

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        Transliterator simplified = SIMPLIFIED.get();
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String original = new String(Character.toChars(codePoint));
            folded.append(foldOne(original, simplified));
            i += original.length();
        }
        return folded.toString();
    }

    private static String foldOne(String original, Transliterator simplified) {
        String current = original;
        String compatible = Normalizer.normalize(current, Normalizer.Form.NFKC);
        if (compatible.length() == current.length()) {
            current = compatible;
        }
        if (current.codePointAt(0) >= 0x2E80) {
            String plain = simplified.transliterate(current);
            if (plain.length() == current.length()) {
                current = plain;
            }
        }
        String lower = current.toLowerCase(Locale.ROOT);
        return lower.length() == current.length() ? lower : current;
    }
}
