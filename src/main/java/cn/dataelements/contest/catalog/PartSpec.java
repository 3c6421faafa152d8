package cn.dataelements.contest.catalog;

import java.util.List;
import java.util.stream.Stream;

/**
 * A sub-part of a form section, e.g. 背景 in 作品概述.
 *
 * @param key stable key, e.g. background
 * @param title canonical title, e.g. 作品背景
 * @param synonyms other names teams give it
 */
public record PartSpec(String key, String title, List<String> synonyms) {

    public PartSpec {
        synonyms = List.copyOf(synonyms);
    }

    /** The title followed by the synonyms. */
    public List<String> names() {
        return Stream.concat(Stream.of(title), synonyms.stream()).toList();
    }
}
