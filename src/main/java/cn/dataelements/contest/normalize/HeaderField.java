package cn.dataelements.contest.normalize;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels a form's header uses for each field. Labels are compared on matching text with notes in brackets, spaces,
 * asterisks and a trailing colon removed, so "作品名称（不超过20字）*：" is 作品名称.
 */
enum HeaderField {
    WORK_TITLE("作品名称", "项目名称", "参赛作品名称", "参赛项目名称", "作品名"),
    TRACK("参赛赛道", "赛道", "所属赛道", "申报赛道", "赛道名称"),
    TOPIC("赛题", "参赛赛题", "所属赛题", "申报赛题", "赛题名称"),
    LEAD_UNIT("牵头单位", "牵头单位名称", "牵头申报单位"),
    JOINT_UNIT("联合单位", "联合申报单位", "参与单位", "联合单位名称"),
    UNIT("参赛单位", "申报单位", "单位名称", "参赛单位名称", "申报单位名称"),
    CREDIT_CODE("统一社会信用代码", "信用代码", "社会信用代码"),
    CONTACT_NAME("联系人", "联系人姓名"),
    CONTACT_PHONE("联系电话", "联系人电话", "手机", "手机号", "手机号码", "联系方式", "电话"),
    CONTACT_EMAIL("邮箱", "电子邮箱", "电子邮件", "联系邮箱", "email", "e-mail"),
    /** The label over a list of members; the members follow it, as a table or as lines. */
    MEMBERS("团队成员", "主要成员", "成员名单", "团队成员名单", "主要团队成员");

    /** A field and the value written after its label; the value may be empty. */
    record Labelled(HeaderField field, String value) {}

    private static final Pattern NOTES = Pattern.compile("\\([^()]*\\)|【[^】]*】");
    private static final Pattern NOISE = Pattern.compile("[\\s*:：]");
    private static final int MAX_LABEL_CHARS = 12;

    private final List<String> labels;

    HeaderField(String... labels) {
        this.labels = List.of(labels);
    }

    static Optional<HeaderField> of(String label) {
        String key = key(label);
        for (HeaderField field : values()) {
            if (field.labels.contains(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * "作品名称：海洋牧场平台", or "作品名称 海洋牧场平台" as PDF conversion leaves a label/value row. The label before the
     * first space is tried first, so that "参赛赛道 赛道一：工业制造" keeps its colon in the value.
     */
    static Optional<Labelled> split(String segment) {
        String[] bySpace = segment.strip().split("\\s+", 2);
        Optional<HeaderField> spaced = of(bySpace[0]);
        if (spaced.isPresent()) {
            return Optional.of(new Labelled(spaced.get(), bySpace.length == 2 ? bySpace[1].strip() : ""));
        }
        String[] byColon = segment.split("[:：]", 2);
        if (byColon.length < 2 || byColon[0].strip().length() > MAX_LABEL_CHARS) {
            return Optional.empty();
        }
        return of(byColon[0]).map(f -> new Labelled(f, byColon[1].strip()));
    }

    /** The form of a label that is compared. */
    static String key(String label) {
        return NOISE.matcher(NOTES.matcher(TextNormalizer.forMatching(label)).replaceAll(""))
                .replaceAll("");
    }
}
