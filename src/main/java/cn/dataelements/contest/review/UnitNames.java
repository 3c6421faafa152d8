package cn.dataelements.contest.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways a unit is named in running text: its full name, without brackets, branch, legal form and regions, and its
 * brand alone once the words that say what it does are cut (山东省威海市蓝海数据科技有限公司 → 蓝海数据科技, 蓝海数据,
 * 蓝海). A university or an institute keeps its name: 山东大学 without its region is 大学, a word, not a name.
 */
final class UnitNames {

    /** Names that are ordinary words of the contest, never hidden on their own. */
    static final Set<String> GENERIC = Set.of("数据要素", "智慧城市", "智慧", "数字化", "中国", "国际", "集团", "中心", "平台", "公司");

    private static final Pattern BRACKETS = Pattern.compile("[（(][^）)]*[）)]");
    /** 某某有限公司威海分公司 → 某某有限公司. */
    private static final Pattern BRANCH = Pattern.compile("(?<=公司)[\\u4e00-\\u9fa5]{1,6}?分公司$");

    private static final Pattern REGION =
            Pattern.compile("^(?:[\\u4e00-\\u9fa5]{2,3}?[省市区县]|山东|威海|青岛|济南|烟台|潍坊|荣成|文登|乳山|环翠|高区|经区|临港)");
    private static final List<String> LEGAL_FORMS =
            List.of("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "研究院", "研究所", "研究中心");
    private static final List<String> INSTITUTIONS = List.of("大学", "学院", "学校", "医院", "中心", "委员会", "局", "研究院", "研究所");
    /**
     * Words that say what a company does, not who it is, cut one by one from the end of a name to find its brand (a
     * longer word before the shorter one it ends in).
     */
    private static final List<String> TRADE_WORDS = List.of(
            "科技", "技术", "信息", "大数据", "数据", "网络", "软件", "人工智能", "智能", "电子", "数字", "云计算", "物联网", "发展", "服务", "咨询", "工程",
            "实业", "控股", "产业", "生物", "医药", "能源", "环保", "新材料", "材料", "制造", "装备", "机械", "物流", "供应链", "传媒", "文化", "教育",
            "农业", "食品", "海洋", "港口", "港务", "贸易", "商贸", "建设", "设计", "管理", "运营", "股份");

    private UnitNames() {}

    static List<String> of(String name) {
        List<String> variants = new ArrayList<>();
        if (name == null || name.isBlank()) {
            return variants;
        }
        String current = name.strip();
        variants.add(current);
        current = BRACKETS.matcher(current).replaceAll("");
        variants.add(current);
        current = BRANCH.matcher(current).replaceAll("");
        variants.add(current);
        for (String form : LEGAL_FORMS) {
            if (current.endsWith(form) && current.length() > form.length() + 1) {
                current = current.substring(0, current.length() - form.length());
                break;
            }
        }
        variants.add(current);
        if (INSTITUTIONS.stream().noneMatch(current::endsWith)) {
            current = withoutRegions(current, variants);
            brands(current, variants);
        }
        return variants.stream()
                .filter(v -> v.length() >= 2 && !TRADE_WORDS.contains(v) && !GENERIC.contains(v))
                .distinct()
                .toList();
    }

    /** 山东省威海市蓝海数据科技 → 威海市蓝海数据科技 → 蓝海数据科技: every region level in front. */
    private static String withoutRegions(String name, List<String> variants) {
        String current = name;
        Matcher region = REGION.matcher(current);
        while (region.find() && current.length() - region.end() >= 2) {
            current = current.substring(region.end());
            variants.add(current);
            region = REGION.matcher(current);
        }
        return current;
    }

    private static void brands(String name, List<String> variants) {
        String current = name;
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
    }
}
