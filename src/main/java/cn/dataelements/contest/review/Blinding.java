package cn.dataelements.contest.review;

import cn.dataelements.contest.entry.Entry;
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
            + "|(?<!\\d)\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+\\-]+\\s*@\\s*[a-z0-9.\\-]+\\.[a-z]{2,}");
    private static final Pattern CREDIT_CODE =
            Pattern.compile("(?<![0-9a-z])[0-9a-hj-npqrtuwxy]{2}\\d{6}[0-9a-hj-npqrtuwxy]{10}(?![0-9a-z])");
    /** A short name the form declares: 威海某某科技有限公司（以下简称“某某科技”）. */
    private static final Pattern DECLARED_SHORT =
            Pattern.compile("简称\\s*[为:：]?\\s*[“\"'‘「『《]?([\\u4e00-\\u9fa5A-Za-z0-9]{2,12})[”\"'’」』》]?");

    private static final List<String> LEGAL_FORMS =
            List.of("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "研究院", "研究所", "研究中心");
    private static final Pattern REGION = Pattern.compile("^(?:[\\u4e00-\\u9fa5]{2,3}?[省市区县]|山东|威海|青岛|济南|烟台|荣成|文登|乳山)");
    /**
     * Words that say what a company does, not who it is, cut one by one from the end of a name to find its brand (a
     * longer word before the shorter one it ends in).
     */
    private static final List<String> TRADE_WORDS = List.of(
            "科技", "技术", "信息", "大数据", "数据", "网络", "软件", "人工智能", "智能", "电子", "数字", "云计算", "物联网", "发展", "服务", "咨询", "工程",
            "实业", "控股", "产业", "生物", "医药", "能源", "环保", "新材料", "材料", "制造", "装备", "机械", "物流", "供应链", "传媒", "文化", "教育",
            "农业", "食品", "海洋", "港口", "港务", "贸易", "商贸", "建设", "设计", "管理", "运营", "股份");

    private static final List<String> INSTITUTIONS = List.of("大学", "学院", "学校", "医院", "中心", "委员会", "局", "研究院", "研究所");

    private final List<Pattern> namePatterns;
    private final boolean blind;

    private Blinding(List<String> names, boolean blind) {
        this.blind = blind;
        // a name typed with spaces between its characters (张 三丰) is the same name
        this.namePatterns = names.stream()
                .map(name -> Pattern.compile(name.codePoints()
                        .mapToObj(cp -> Pattern.quote(new String(Character.toChars(cp))))
                        .collect(java.util.stream.Collectors.joining("\\s*"))))
                .toList();
    }

    /** Contact data only: phones, e-mails and credit codes. */
    static Blinding contactsOnly() {
        return new Blinding(List.of(), false);
    }

    /** Everything that says who the team is, as the entry and its texts name it. */
    static Blinding of(Entry entry, List<String> senders, List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        add(names, entry.teamName());
        if (entry.units() != null) {
            entry.units().forEach(u -> names.addAll(unitNames(u.name())));
        }
        if (entry.representatives() != null) {
            entry.representatives().forEach(r -> add(names, r.name()));
        }
        if (entry.contact() != null) {
            add(names, entry.contact().name());
        }
        senders.forEach(s -> add(names, s));
        for (String text : texts) {
            Matcher declared = DECLARED_SHORT.matcher(text == null ? "" : text);
            while (declared.find()) {
                add(names, declared.group(1));
            }
        }
        List<String> folded = names.stream()
                .map(n -> ChineseFolding.fold(n.strip()))
                .filter(n -> n.codePointCount(0, n.length()) >= 2)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new Blinding(folded, true);
    }

    /** The name, without its brackets, legal form and region, and its brand alone: 威海蓝海数据科技有限公司 → 蓝海. */
    static List<String> unitNames(String name) {
        List<String> variants = new ArrayList<>();
        if (name == null || name.isBlank()) {
            return variants;
        }
        String current = name.strip();
        variants.add(current);
        current = current.replaceAll("[（(][^）)]*[）)]$", "");
        variants.add(current);
        for (String form : LEGAL_FORMS) {
            if (current.endsWith(form) && current.length() > form.length() + 1) {
                current = current.substring(0, current.length() - form.length());
                break;
            }
        }
        variants.add(current);
        if (INSTITUTIONS.stream().anyMatch(current::endsWith)) {
            // 山东大学 without its region is 大学: a word, not a name
            return variants.stream().distinct().toList();
        }
        Matcher region = REGION.matcher(current);
        if (region.find() && current.length() - region.end() >= 2) {
            current = current.substring(region.end());
            variants.add(current);
        }
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String word : TRADE_WORDS) {
                if (current.endsWith(word) && current.length() - word.length() >= 2) {
                    current = current.substring(0, current.length() - word.length());
                    variants.add(current);
                    cut = true;
                    break;
                }
            }
        }
        return variants.stream()
                .filter(v -> v.length() >= 2 && !TRADE_WORDS.contains(v))
                .distinct()
                .toList();
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
