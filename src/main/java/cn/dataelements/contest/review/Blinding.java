package cn.dataelements.contest.review;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.People;
import cn.dataelements.contest.system.text.ChineseFolding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes who a team is out of a text, for blind packets: the names known from the entry (the team, its units and their
 * short names, its members and contact, the senders), and every phone number, e-mail address and unified social
 * credit code in any form. Texts are matched through their folded copy ({@link ChineseFolding}), which has the same
 * length, so traditional and full-width spellings of a name are found and the text is otherwise kept as written.
 * Without {@code names}, only contact data is taken out: what a non-blind packet for reviewers leaves out.
 */
final class Blinding {

    static final String HIDDEN = "【已隐去】";

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)"
            + "|(?<!\\d)\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}(?!\\d)"
            + "|(?<!\\d)[48]00[\\s-]?\\d{3}[\\s-]?\\d{4}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+\\-]+\\s*@\\s*[a-z0-9.\\-]+\\.[a-z]{2,}");
    private static final Pattern CREDIT_CODE =
            Pattern.compile("(?<![0-9a-z])[0-9a-hj-npqrtuwxy]{2}\\d{6}[0-9a-hj-npqrtuwxy]{10}(?![0-9a-z])");
    /** A short name the form declares: 威海某某科技有限公司（以下简称“某某科技”）. */
    private static final Pattern DECLARED_SHORT =
            Pattern.compile("简称\\s*[为:：]?\\s*[“\"'‘「『《]?([\\u4e00-\\u9fa5A-Za-z0-9]{2,12})[”\"'’」』》]?");

    private final List<Pattern> namePatterns;
    private final boolean blind;

    private Blinding(List<String> names, List<String> phones, boolean blind) {
        this.blind = blind;
        List<Pattern> patterns = new ArrayList<>();
        // a name typed with spaces between its characters (张 三丰) is the same name
        names.forEach(name -> patterns.add(spaced(name, "\\s*")));
        // a known phone, whatever separates its digits (0631—5201234)
        phones.forEach(phone -> patterns.add(spaced(phone, "[^0-9]{0,2}")));
        this.namePatterns = List.copyOf(patterns);
    }

    private static Pattern spaced(String text, String between) {
        return Pattern.compile(text.codePoints()
                .mapToObj(cp -> Pattern.quote(new String(Character.toChars(cp))))
                .collect(java.util.stream.Collectors.joining(between)));
    }

    /** Contact data only: phones, e-mails and credit codes. */
    static Blinding contactsOnly() {
        return new Blinding(List.of(), List.of(), false);
    }

    /** Everything that says who the team is, as the entry and its texts name it. */
    static Blinding of(Entry entry, List<String> senders, List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        add(names, entry.teamName());
        if (entry.units() != null) {
            entry.units().forEach(u -> names.addAll(UnitNames.of(u.name())));
        }
        if (entry.representatives() != null) {
            entry.representatives().forEach(r -> add(names, r.name()));
        }
        if (entry.contact() != null) {
            add(names, entry.contact().name());
        }
        senders.forEach(s -> add(names, s));
        String known = ChineseFolding.fold(String.join("", names));
        for (String text : texts) {
            Matcher declared = DECLARED_SHORT.matcher(text == null ? "" : text);
            while (declared.find()) {
                // （以下简称“蓝海科技”） is a name; （以下简称“平台”） is not: a short name shares characters with a name
                if (shared(ChineseFolding.fold(declared.group(1)), known) >= 2) {
                    add(names, declared.group(1));
                }
            }
        }
        List<String> folded = names.stream()
                .map(n -> ChineseFolding.fold(n.strip()))
                .filter(n -> n.codePointCount(0, n.length()) >= 2 && !UnitNames.GENERIC.contains(n))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new Blinding(folded, phones(entry), true);
    }

    /** The entry's known phone numbers, as digits (at least 7, so that no short number hides ordinary figures). */
    private static List<String> phones(Entry entry) {
        List<String> phones = new ArrayList<>();
        if (entry.representatives() != null) {
            entry.representatives().forEach(r -> phones.add(People.phone(r.phone())));
        }
        if (entry.contact() != null) {
            phones.add(People.phone(entry.contact().phone()));
        }
        return phones.stream().filter(p -> p.length() >= 7).distinct().toList();
    }

    private static long shared(String name, String known) {
        return name.codePoints().filter(cp -> known.indexOf(cp) >= 0).count();
    }

    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String folded = ChineseFolding.fold(text);
        boolean[] hidden = new boolean[text.length()];
        List<Pattern> patterns = new ArrayList<>(namePatterns);
        patterns.addAll(List.of(PHONE, EMAIL, CREDIT_CODE));
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                mark(hidden, m.start(), m.end());
            }
        }
        return replaced(text, hidden);
    }

    /** Whether applying this blinding would change the text. */
    boolean names(String text) {
        return !apply(text).equals(text == null ? "" : text);
    }

    boolean blind() {
        return blind;
    }

    private static void mark(boolean[] hidden, int from, int to) {
        for (int i = from; i < to; i++) {
            hidden[i] = true;
        }
    }

    private static String replaced(String text, boolean[] hidden) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(HIDDEN);
            }
        }
        return out.toString();
    }

    private static void add(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name.strip());
        }
    }
}
