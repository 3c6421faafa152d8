package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.catalog.TrackCatalog;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What rules share: the catalog, the configured rules and word lists, the imported lists and the other entries. A
 * finding is made here, so its severity and message come from mappings/compliance.yaml and a disabled code is never
 * reported.
 */
record RuleContext(TrackCatalog tracks, ComplianceSettings settings, WatchListStore lists, EntryDirectory directory) {

    /**
     * The finding for a code, or empty when the code is disabled.
     *
     * @param values placeholder names and values, alternating: "unit", "某某公司", "code", "9137…"
     */
    Optional<Finding> finding(FindingCode code, Evidence evidence, String... values) {
        RuleSpec spec = settings.rule(code);
        if (spec == null || !spec.enabled()) {
            return Optional.empty();
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < values.length; i += 2) {
            map.put(values[i], values[i + 1]);
        }
        return Optional.of(new Finding(code.name(), spec.severity(), spec.format(map), evidence));
    }

    /** The catalog's track of an entry, or empty when it has none or a number the catalog does not know. */
    Optional<Track> track(Entry entry) {
        if (entry.track() == null) {
            return Optional.empty();
        }
        return tracks.tracks().stream()
                .filter(t -> t.number() == entry.track().number())
                .findFirst();
    }

    /** The path of the entry's first material of a kind, or empty. */
    static String pathOf(Entry entry, MaterialKind... kinds) {
        for (MaterialKind kind : kinds) {
            Optional<String> path = entry.materials().stream()
                    .filter(m -> m.kind() == kind)
                    .map(Material::path)
                    .findFirst();
            if (path.isPresent()) {
                return path.get();
            }
        }
        return "";
    }

    /** The file the form's fields (units, people, title) were read from, or empty. */
    static String formPath(Entry entry) {
        return pathOf(entry, MaterialKind.APPLICATION_FORM, MaterialKind.REGISTRATION_SHEET);
    }
}
