package cn.dataelements.contest.system.web;

import cn.dataelements.contest.entry.MaterialKind;
import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.system.text.Masks;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pages' words for the codes the data and the API keep: search filters, channels, severities, decisions, states,
 * finding codes and audit actions, from {@code messages_zh_CN.properties} through Spring's {@link MessageSource}; times
 * in Beijing time to the minute. The templates reach it as {@code ${labels}}.
 */
@Component
public class Labels {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The value's Chinese name: its message, a material kind's catalog name, or the value itself. */
    public String of(String value) {
        if (value == null) {
            return "";
        }
        String label = messages.getMessage("value." + value, null, null, CHINESE);
        if (label != null) {
            return label;
        }
        // a material kind (a missing material's evidence names one) reads as the catalog's name for it
        return Arrays.stream(MaterialKind.values())
                .filter(k -> k.name().equals(value))
                .findFirst()
                .map(MaterialKind::labelZh)
                .orElse(value);
    }

    /** A search filter's name. */
    public String facet(String name) {
        return messages.getMessage("facet." + name, null, name, CHINESE);
    }

    /** An audit action in words, or its code when it has none. */
    public String action(String code) {
        return messages.getMessage("action." + code, null, code, CHINESE);
    }

    /** Whether the audit action has words of its own. */
    public boolean hasAction(String code) {
        return messages.getMessage("action." + code, null, null, CHINESE) != null;
    }

    /** A phone or e-mail as lists show it: 138****0001, z***@example.cn ({@link Masks}). */
    public String masked(String contact) {
        return Masks.contact(contact);
    }

    /** A time as the organizers read it: Beijing time, to the minute; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(SourceTimes.BEIJING));
    }
}
