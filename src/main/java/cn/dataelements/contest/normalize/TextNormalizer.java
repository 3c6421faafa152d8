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
        return TO_SIMPLIFIED.get().transliterate(folded).toLowerCase(Locale.ROOT);
    }

    /** The original characters, only trimmed; null becomes empty. */
    public static String forDisplay(String text) {
        return text == null ? "" : text.strip();
    }
}
