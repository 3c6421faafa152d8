package cn.dataelements.contest.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a unified social credit code (统一社会信用代码, GB 32100-2015: 18 characters from digits and upper-case
 * letters without I, O, S, V, Z) in what a team typed, often in full-width characters or lower case. The check digit
 * is compliance's business, not ours: a token of the right shape is returned as found.
 */
public final class CreditCodes {

    /** The 31 characters of GB 32100-2015, in the order of their values (the check character's arithmetic). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String SHAPE = "[" + ALPHABET + "]{18}";
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Z])" + SHAPE + "(?![0-9A-Z])");

    private CreditCodes() {}

    /** Whether the text is exactly 18 characters of the alphabet, whatever its check character. */
    public static boolean isWellShaped(String code) {
        return code != null && code.matches(SHAPE);
    }

    /** The first well-shaped code, in NFKC upper case. */
    static Optional<String> find(String text) {
        Matcher m = CODE.matcher(fold(text));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** A well-shaped code if there is one, otherwise the value as written, so compliance can report it. */
    static String of(String value) {
        return find(value).orElse(value.strip());
    }

    /** The text with the code and the brackets around it removed: "某某公司（9137…）" becomes "某某公司". */
    static String withoutCode(String text) {
        Optional<String> code = find(text);
        if (code.isEmpty()) {
            return text.strip();
        }
        String folded = fold(text);
        int at = folded.indexOf(code.get());
        // NFKC keeps the length of CJK text and ASCII-range letters, so positions carry over to the original
        String cut = folded.length() == text.length()
                ? text.substring(0, at) + text.substring(at + code.get().length())
                : folded.replace(code.get(), "");
        return cut.replaceAll("[(（]\\s*(统一社会信用代码|信用代码)?[:：]?\\s*[)）]", "")
                .replaceAll("[,，;；:：\\s]+$", "")
                .strip();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    }
}
