package cn.dataelements.contest.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A section of an application form, e.g. ① 作品概述, with the names teams give it and its sub-parts.
 *
 * @param key stable key, e.g. overview (see {@link cn.dataelements.contest.entry.FormSection#key()})
 * @param title canonical title, e.g. 作品概述
 * @param synonyms other names teams give it, e.g. 项目概述
 * @param parts its sub-parts in the guide's order
 */
public record SectionSpec(String key, String title, List<String> synonyms, List<PartSpec> parts) {

    public SectionSpec {
        synonyms = List.copyOf(synonyms);
        parts = List.copyOf(parts);
    }

    /** The title followed by the synonyms. */
    public List<String> names() {
        return Stream.concat(Stream.of(title), synonyms.stream()).toList();
    }

    /** The part whose title or synonym is the given heading (numbering and punctuation ignored). */
    public Optional<PartSpec> findPart(String heading) {
        String wanted = ChineseText.heading(heading);
        return parts.stream()
                .filter(p -> p.names().stream().map(ChineseText::heading).anyMatch(wanted::equals))
                .findFirst();
    }
}
