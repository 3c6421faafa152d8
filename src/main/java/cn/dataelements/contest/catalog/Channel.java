package cn.dataelements.contest.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The intake channel the guide fixes for a track; an entry arriving by another one is a compliance finding. */
public enum Channel {
    /** The open-data portal's contest entrance. */
    PORTAL,
    /** The submission mailbox. */
    MAIL,
    /** The 山东通 platform's export. */
    EXPORT,
    /** Not accepted in the city selection at all (教育创新). */
    NONE;

    /** The name as written in tracks.yaml, e.g. {@code mail}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> fromYaml(String value) {
        return Arrays.stream(values()).filter(c -> c.yamlName().equals(value)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(Channel::yamlName).toList();
    }
}
