package cn.dataelements.contest.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The sections an application form of a track (or direction) has, in the order reviewers read them: the five of
 * tracks 1-12, the four of 数据赋能, or none.
 *
 * @param sections the sections in order
 */
public record FormLayout(List<SectionSpec> sections) {

    public FormLayout {
        sections = List.copyOf(sections);
    }

    /** A layout without sections: the track or direction has no form. */
    public static FormLayout none() {
        return new FormLayout(List.of());
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public Optional<SectionSpec> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * The section whose title or synonym is the heading as a document wrote it, e.g. "一、项目概述" or "（五）团队情况";
     * numbering, spaces, full-width forms and traditional characters do not matter.
     */
    public Optional<SectionSpec> findSection(String heading) {
        String wanted = ChineseText.heading(heading);
        return sections.stream()
                .filter(s -> s.names().stream().map(ChineseText::heading).anyMatch(wanted::equals))
                .findFirst();
    }
}
