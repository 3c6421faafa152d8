package cn.dataelements.contest.catalog;

import java.util.List;

/**
 * The three catalog files exactly as written, before validation: enum-like values stay strings and lists may be null,
 * so that a mistake is reported with its file and key path rather than as a Jackson error.
 */
final class CatalogDocs {

    private CatalogDocs() {}

    record TracksFile(List<TrackDoc> tracks) {}

    record TrackDoc(
            Integer number,
            String name,
            String channel,
            List<String> aliases,
            List<String> sections,
            List<MaterialDoc> materials,
            List<TopicDoc> topics,
            List<DirectionDoc> directions) {}

    record DirectionDoc(
            String key, String name, List<String> aliases, List<String> sections, List<MaterialDoc> materials) {}

    record MaterialDoc(String kind, String need) {}

    record TopicDoc(Integer number, String title, String summary) {}

    record SectionsFile(List<SectionDoc> sections) {}

    record SectionDoc(String key, String title, List<String> synonyms, List<PartDoc> parts) {}

    record PartDoc(String key, String title, List<String> synonyms) {}

    record MaterialsFile(Integer textWindow, List<RuleDoc> rules) {}

    record RuleDoc(String kind, List<String> extensions, List<String> names, List<String> text) {}

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
