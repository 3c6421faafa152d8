package cn.dataelements.contest.system.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adjacent pairs of a folded text's units, as index terms: what makes a Chinese word a cheap query on an analyzer that
 * splits Chinese into single characters (the standard one, the only one every distribution has). A unit is one
 * ideograph (or kana), or one run of other letters and digits (a Latin word, a number); anything else only separates
 * units and does not break the chain, as the standard analyzer's positions do not. Each pair of neighbouring units
 * becomes one token, a 41-bit hash of the pair written in base 36, which the standard analyzer keeps whole. A word of
 * n units is then n-1 consecutive tokens: two characters are one term, four characters a phrase of three rare terms,
 * instead of a phrase of common single characters whose positions must all be read.
 */
public final class CharacterPairs {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long MASK = (1L << 41) - 1;

    private CharacterPairs() {}

    /** The units of a folded text, in order. */
    public static List<String> units(String folded) {
        List<String> units = new ArrayList<>();
        eachUnit(folded, units::add);
        return units;
    }

    /** The pair tokens of a folded text, space-separated, in order; empty for fewer than two units. */
    public static String tokens(String folded) {
        StringBuilder tokens = new StringBuilder(folded == null ? 0 : folded.length() * 9);
        String[] previous = {null};
        eachUnit(folded, unit -> {
            if (previous[0] != null) {
                if (!tokens.isEmpty()) {
                    tokens.append(' ');
                }
                tokens.append(token(previous[0], unit));
            }
            previous[0] = unit;
        });
        return tokens.toString();
    }

    /** Hands each unit of the text over in order, without holding them all. */
    private static void eachUnit(String folded, Consumer<String> unit) {
        if (folded == null) {
            return;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isSingle(codePoint)) {
                flush(word, unit);
                unit.accept(new String(Character.toChars(codePoint)));
            } else if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else {
                flush(word, unit);
            }
        }
        flush(word, unit);
    }

    /** The text of each pair of neighbouring units, a space between them: what highlights a pair in the folded text. */
    public static List<String> pairTexts(String folded) {
        List<String> units = units(folded);
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i < units.size(); i++) {
            pairs.add(units.get(i - 1) + " " + units.get(i));
        }
        return pairs;
    }

    /** The token of one pair of units. */
    static String token(String first, String second) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < first.length(); i++) {
            hash = (hash ^ first.charAt(i)) * FNV_PRIME;
        }
        hash = (hash ^ 1) * FNV_PRIME;
        for (int i = 0; i < second.length(); i++) {
            hash = (hash ^ second.charAt(i)) * FNV_PRIME;
        }
        return Long.toString((hash ^ (hash >>> 41)) & MASK, 36);
    }

    private static void flush(StringBuilder word, Consumer<String> unit) {
        if (!word.isEmpty()) {
            unit.accept(word.toString());
            word.setLength(0);
        }
    }

    /** A character that is a unit of its own: an ideograph, or kana. */
    private static boolean isSingle(int codePoint) {
        if (Character.isIdeographic(codePoint)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
