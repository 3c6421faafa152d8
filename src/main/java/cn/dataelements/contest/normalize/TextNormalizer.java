package cn.dataelements.contest.normalize;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Two views of the same text: one to compare (headings against synonyms, labels against field names) and one to show.
 * Matching folds full-width forms and circled digits (NFKC), traditional characters (a Big5 form writes 團隊介紹),
 * case and runs of whitespace, so that a heading is found however the team's word processor wrote it; display keeps
 * the team's own characters.
 */
public final class TextNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    /** ICU transliterators keep per-instance state while transliterating: one per thread rather than a lock. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    /** By BMP character: 0 not yet known, -1 no single-character form, else the simplified character plus one. */
    private static final int[] SIMPLIFIED = new int[Character.MAX_VALUE + 1];

    private TextNormalizer() {}

    /** NFKC, traditional to simplified Chinese, lower case, whitespace collapsed to single spaces and trimmed. */
    public static String forMatching(String text) {
        return WHITESPACE.matcher(fold(text)).replaceAll(" ").strip();
    }

    /** NFKC, traditional to simplified Chinese and lower case, whitespace left as it is; null becomes empty. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return toSimplified(folded).toLowerCase(Locale.ROOT);
    }

    /**
     * Traditional to simplified, a character at a time from a table that ICU fills as characters are first met: ICU's
     * rule-based transliterator costs about 3 µs a character, and the heading matcher folds every line of every form.
     * A text with a character that ICU turns into more than one, or outside the BMP, goes through ICU whole.
     */
    private static String toSimplified(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int simplified = simplifiedOf(chars[i]);
            if (simplified < 0) {
                return TO_SIMPLIFIED.get().transliterate(text);
            }
            chars[i] = (char) simplified;
        }
        return new String(chars);
    }

    /** The character's simplified form, or -1 when it has no single-character one (or is half of a pair). */
    private static int simplifiedOf(char c) {
        if (c < 0x80) {
            return c;
        }
        int known = SIMPLIFIED[c];
        if (known == 0) {
            String one = Character.isSurrogate(c) ? "" : TO_SIMPLIFIED.get().transliterate(String.valueOf(c));
            known = one.length() == 1 ? one.charAt(0) + 1 : -1;
            // Racing threads compute the same value: a plain write is enough.
            SIMPLIFIED[c] = known;
        }
        return known < 0 ? -1 : known - 1;
    }

    /** The original characters, only trimmed; null becomes empty. */
    public static String forDisplay(String text) {
        return text == null ? "" : text.strip();
    }
}
