package cn.dataelements.contest.catalog;

import cn.dataelements.contest.catalog.CatalogDocs.DirectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.MaterialDoc;
import cn.dataelements.contest.catalog.CatalogDocs.TopicDoc;
import cn.dataelements.contest.catalog.CatalogDocs.TrackDoc;
import cn.dataelements.contest.catalog.CatalogDocs.TracksFile;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks tracks.yaml: every number 1-14 exactly once, names present, channels, needs and material kinds from their
 * allowed sets, section keys defined in form-sections.yaml, no empty alias, topics numbered and titled.
 */
final class TracksValidator {

    static final int TRACK_COUNT = 14;

    private final Problems.InFile problems;
    private final Set<String> sectionKeys;

    private TracksValidator(Problems.InFile problems, Set<String> sectionKeys) {
        this.problems = problems;
        this.sectionKeys = sectionKeys;
    }

    static void check(TracksFile file, Set<String> sectionKeys, Problems.InFile problems) {
        List<TrackDoc> tracks = file == null ? List.of() : CatalogDocs.orEmpty(file.tracks());
        TracksValidator validator = new TracksValidator(problems, sectionKeys);
        for (int i = 0; i < tracks.size(); i++) {
            validator.checkTrack("tracks[" + i + "]", tracks.get(i));
        }
        validator.checkNumbers(tracks);
    }

    private void checkNumbers(List<TrackDoc> tracks) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            Integer number = tracks.get(i).number();
            if (number == null) {
                continue;
            }
            Integer other = seen.putIfAbsent(number, i);
            if (other != null) {
                problems.add(
                        "tracks[" + i + "].number",
                        "track " + number + " is defined twice (also tracks[" + other + "]); valid: each number 1-"
                                + TRACK_COUNT + " exactly once");
            }
        }
        for (int n = 1; n <= TRACK_COUNT; n++) {
            if (!seen.containsKey(n)) {
                problems.add(
                        "tracks", "track " + n + " is missing; valid: each number 1-" + TRACK_COUNT + " exactly once");
            }
        }
    }

    private void checkTrack(String path, TrackDoc track) {
        Integer number = track.number();
        if (number == null || number < 1 || number > TRACK_COUNT) {
            problems.add(path + ".number", "'" + number + "' is not a track number; valid: 1-" + TRACK_COUNT);
        }
        problems.requireText(path + ".name", track.name(), "name");
        if (Channel.fromYaml(track.channel()).isEmpty()) {
            problems.add(
                    path + ".channel", "'" + track.channel() + "' is not a channel; valid: " + Channel.yamlNames());
        }
        problems.requireTexts(path + ".aliases", track.aliases());
        checkSections(path + ".sections", track.sections());
        checkMaterials(path + ".materials", track.materials());
        checkTopics(path + ".topics", CatalogDocs.orEmpty(track.topics()));
        List<DirectionDoc> directions = CatalogDocs.orEmpty(track.directions());
        for (int i = 0; i < directions.size(); i++) {
            checkDirection(path + ".directions[" + i + "]", directions.get(i));
        }
    }

    private void checkDirection(String path, DirectionDoc direction) {
        problems.requireText(path + ".key", direction.key(), "key");
        problems.requireText(path + ".name", direction.name(), "name");
        problems.requireTexts(path + ".aliases", direction.aliases());
        checkSections(path + ".sections", direction.sections());
        checkMaterials(path + ".materials", direction.materials());
    }

    private void checkSections(String path, List<String> keys) {
        List<String> list = CatalogDocs.orEmpty(keys);
        for (int i = 0; i < list.size(); i++) {
            if (!sectionKeys.contains(list.get(i))) {
                problems.add(
                        path + "[" + i + "]",
                        "section '" + list.get(i) + "' is not defined in form-sections.yaml; valid: "
                                + sectionKeys.stream().sorted().toList());
            }
        }
    }

    private void checkMaterials(String path, List<MaterialDoc> materials) {
        List<MaterialDoc> list = CatalogDocs.orEmpty(materials);
        for (int i = 0; i < list.size(); i++) {
            MaterialDoc material = list.get(i);
            checkKind(problems, path + "[" + i + "].kind", material.kind());
            if (Need.fromYaml(material.need()).isEmpty()) {
                problems.add(
                        path + "[" + i + "].need",
                        "'" + material.need() + "' is not a need; valid: " + Need.yamlNames());
            }
        }
    }

    private void checkTopics(String path, List<TopicDoc> topics) {
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            TopicDoc topic = topics.get(i);
            if (topic.number() == null || topic.number() < 1 || !numbers.add(topic.number())) {
                problems.add(
                        path + "[" + i + "].number",
                        "'" + topic.number()
                                + "' is missing or used twice; valid: a topic number from 1, unique in the track");
            }
            problems.requireText(path + "[" + i + "].title", topic.title(), "title");
        }
    }

    /** Shared with the materials rules: a kind must name a {@link MaterialKind}. */
    static boolean checkKind(Problems.InFile problems, String path, String kind) {
        boolean valid = kind != null
                && Arrays.stream(MaterialKind.values()).anyMatch(k -> k.name().equals(kind));
        if (!valid) {
            problems.add(
                    path,
                    (kind == null ? "missing kind" : "'" + kind + "' is not a MaterialKind") + "; valid: "
                            + Arrays.toString(MaterialKind.values()));
        }
        return valid;
    }
}
