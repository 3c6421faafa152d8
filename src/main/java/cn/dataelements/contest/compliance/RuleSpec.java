package cn.dataelements.contest.compliance;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How mappings/compliance.yaml configures one finding code.
 *
 * @param code the code
 * @param severity its severity
 * @param message the Chinese message template, with {placeholders} of the code
 * @param enabled whether the finding is reported at all
 * @param audience who may read it: the team (in its receipt) or the committee only
 */
public record RuleSpec(FindingCode code, Severity severity, String message, boolean enabled, Audience audience) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The message with its placeholders filled; one without a value stays as written, so the gap shows. */
    String format(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
