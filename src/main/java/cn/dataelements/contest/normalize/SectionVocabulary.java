package cn.dataelements.contest.normalize;

import java.util.List;
import java.util.stream.Stream;

/**
 * The words the normalizer looks for: each form section with its canonical title, the other titles teams give it, and
 * its sub-parts. The track catalog (mappings/) is adapted into this shape, so the normalizer knows nothing of YAML;
 * order matters, because the normalized form lists its sections in vocabulary order.
 *
 * @param sections the sections in the order reviewers read them
 */
public record SectionVocabulary(List<SectionTerm> sections) {

    public SectionVocabulary {
        sections = List.copyOf(sections);
    }

    /**
     * A section, e.g. {@code overview} 作品概述 with synonyms 项目概述, 作品简介.
     *
     * @param key stable key, becomes {@code FormSection.key}
     * @param title canonical title, becomes {@code FormSection.title}
     * @param synonyms other titles that mean the same section
     * @param parts the sub-parts expected inside it, possibly none
     */
    public record SectionTerm(String key, String title, List<String> synonyms, List<PartTerm> parts) {
        public SectionTerm {
            synonyms = List.copyOf(synonyms);
            parts = List.copyOf(parts);
        }

        /** The title first, then the synonyms. */
        List<String> names() {
            return Terms.names(title, synonyms);
        }
    }

    /**
     * A sub-part of a section, e.g. {@code background} 背景.
     *
     * @param key stable key, becomes {@code FormSection.Part.key}
     * @param title canonical title
     * @param synonyms other titles for it
     */
    public record PartTerm(String key, String title, List<String> synonyms) {
        public PartTerm {
            synonyms = List.copyOf(synonyms);
        }

        /** The title first, then the synonyms. */
        List<String> names() {
            return Terms.names(title, synonyms);
        }
    }

    /** Shared by both term kinds. */
    private static final class Terms {
        static List<String> names(String title, List<String> synonyms) {
            return Stream.concat(Stream.of(title), synonyms.stream()).toList();
        }
    }
}
