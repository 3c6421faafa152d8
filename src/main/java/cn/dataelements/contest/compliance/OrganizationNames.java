package cn.dataelements.contest.compliance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds names of organizations in Chinese text: a run of Chinese characters (letters, digits, brackets allowed) that
 * ends in one of the configured suffixes (有限公司, 大学, 研究院 …), with words that only lead into a name (兹证明,
 * 甲方：) cut off, and common words that merely end like one (布局, 格局) ignored. Rough by design: what it finds is
 * shown to a person, never acted on.
 *
 * @param suffixes name endings, e.g. 有限公司
 * @param ignored names (or name endings) that are ordinary words, e.g. 布局
 * @param leadingWords words to cut from the start of a found name, e.g. 兹证明
 * @param breaks characters that never occur inside a name and so end the text before it, e.g. 的, 在
 */
public record OrganizationNames(List<String> suffixes, List<String> ignored, List<String> leadingWords, String breaks) {

    /** A name found in a text, and where it starts. */
    public record Found(String name, int offset) {}

    public OrganizationNames {
        suffixes = List.copyOf(suffixes);
        ignored = List.copyOf(ignored);
        // characters that are special inside a regex character class are dropped: names break on CJK characters
        breaks = breaks == null ? "" : breaks.replaceAll("[\\s\\\\\\[\\]^&-]", "");
        leadingWords = leadingWords.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Every distinct name in the text, with the offset of its first occurrence, in text order. */
    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = pattern().matcher(text == null ? "" : text);
        while (m.find()) {
            Found name = trimmed(m.group(), m.start());
            boolean seen = found.stream().anyMatch(f -> f.name().equals(name.name()));
            if (name.name().length() > 3 && !seen && !isIgnored(name.name())) {
                found.add(name);
            }
        }
        return found;
    }

    /** Whether two names denote the same organization: equal, or one inside the other, once normalized. */
    public static boolean sameOrganization(String a, String b) {
        String x = comparable(a);
        String y = comparable(b);
        return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
    }

    /**
     * Whether a name OCR read denotes the same organization as a unit's, allowing for one misread character: the
     * same as {@link #sameOrganization}, or equal but for one character changed, added or dropped, once normalized.
     */
    public static boolean sameOrganizationOcr(String unit, String read) {
        if (sameOrganization(unit, read)) {
            return true;
        }
        String x = comparable(unit);
        String y = comparable(read);
        return !x.isEmpty() && !y.isEmpty() && oneEditApart(x, y);
    }

    /** Whether one change, insertion or deletion of a character turns one text into the other. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        if (i == shorter.length()) {
            return true;
        }
        return shorter.length() == longer.length()
                ? shorter.substring(i + 1).equals(longer.substring(i + 1))
                : shorter.substring(i).equals(longer.substring(i + 1));
    }

    /** NFKC, lower case, without spaces and brackets: 哈尔滨工业大学（威海） and 哈尔滨工业大学(威海) compare equal. */
    static String comparable(String name) {
        String nfkc = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
        return nfkc.replaceAll("[\\s()\\[\\]]", "").toLowerCase(Locale.ROOT);
    }

    private Pattern pattern() {
        String alternatives = suffixes.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // Lazy name part and longest suffix first: 某某集团有限公司 is one name, not 某某集团 then 有限公司.
        String nameChars = breaks.isEmpty()
                ? "[\\u4e00-\\u9fa5A-Za-z0-9（）()]"
                : "[[\\u4e00-\\u9fa5A-Za-z0-9（）()]&&[^" + breaks + "]]";
        return Pattern.compile(nameChars + "{2,40}?(?:" + alternatives + ")(?:[（(][\\u4e00-\\u9fa5]{1,10}[)）])?");
    }

    private Found trimmed(String name, int offset) {
        String rest = name;
        int cut = 0;
        boolean again = true;
        while (again) {
            again = false;
            for (String word : leadingWords) {
                if (rest.startsWith(word) && rest.length() > word.length()) {
                    rest = rest.substring(word.length());
                    cut += word.length();
                    again = true;
                }
            }
        }
        return new Found(rest, offset + cut);
    }

    private boolean isIgnored(String name) {
        return ignored.stream().anyMatch(name::endsWith);
    }
}
