package cn.dataelements.contest.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How much a track asks for a material: a missing required one is a finding, a missing recommended one a warning. */
public enum Need {
    REQUIRED,
    RECOMMENDED,
    OPTIONAL;

    /** The name as written in tracks.yaml, e.g. {@code required}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Need> fromYaml(String value) {
        return Arrays.stream(values()).filter(n -> n.yamlName().equals(value)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(Need::yamlName).toList();
    }
}
