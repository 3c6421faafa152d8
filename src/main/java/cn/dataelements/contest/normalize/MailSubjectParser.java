package cn.dataelements.contest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subject the guide asks teams to use, 赛道-单位-作品名称, in the shapes teams actually send: other dashes,
 * underscores, bars or 、 between the parts, the track in 【】, forwarding and reply prefixes in front. A subject with
 * fewer parts gives what can be told apart: a part ending in 赛道 is the track, one naming an organisation is the
 * unit. The work title keeps any separators after the second one (数据-智能平台 stays whole).
 */
public final class MailSubjectParser {

    private static final Pattern PREFIX =
            Pattern.compile("^\\s*(?:(?:转发|回复|答复|转|fwd?|fw|re|aw|sv)\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED = Pattern.compile("^\\s*[【\\[［〔](.+?)[】\\]］〕]\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[-—–―－_＿|｜、~～]+\\s*");
    private static final Pattern ORGANISATION =
            Pattern.compile(".*(公司|集团|大学|学院|学校|研究院|研究所|中心|医院|银行|协会|局|委员会|政府|单位|合作社|工作室|厂)$");

    public SubjectFields parse(String subject) {
        if (subject == null || subject.isBlank()) {
            return SubjectFields.NONE;
        }
        String rest = PREFIX.matcher(subject.strip()).replaceFirst("");
        List<String> parts = new ArrayList<>();
        Matcher bracket = BRACKETED.matcher(rest);
        if (bracket.find()) {
            parts.add(bracket.group(1).strip());
            rest = rest.substring(bracket.end());
        }
        split(rest, 3 - parts.size(), parts);
        return fields(
                parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
    }

    /** Splits at most {@code pieces - 1} times, so the last piece keeps its own separators. */
    private static void split(String text, int pieces, List<String> into) {
        Matcher m = SEPARATOR.matcher(text);
        int from = 0;
        while (into.size() < 2 && pieces > 1 && m.find()) {
            if (m.start() > from) {
                into.add(text.substring(from, m.start()));
                pieces--;
            }
            from = m.end();
        }
        into.add(text.substring(from));
    }

    private static SubjectFields fields(List<String> parts) {
        return switch (parts.size()) {
            case 0 -> SubjectFields.NONE;
            case 1 -> one(parts.get(0));
            case 2 -> two(parts.get(0), parts.get(1));
            default -> new SubjectFields(track(parts.get(0)), parts.get(1), parts.get(2));
        };
    }

    private static SubjectFields one(String part) {
        if (part.endsWith("赛道")) {
            return new SubjectFields(track(part), "", "");
        }
        return isOrganisation(part) ? new SubjectFields("", part, "") : new SubjectFields("", "", part);
    }

    private static SubjectFields two(String first, String second) {
        if (isOrganisation(first)) {
            return new SubjectFields("", first, second);
        }
        if (isOrganisation(second)) {
            return new SubjectFields(track(first), second, "");
        }
        return new SubjectFields(track(first), "", second);
    }

    private static boolean isOrganisation(String part) {
        return ORGANISATION.matcher(part).matches();
    }

    private static String track(String part) {
        return part.endsWith("赛道") && part.length() > 2
                ? part.substring(0, part.length() - 2).strip()
                : part;
    }
}
