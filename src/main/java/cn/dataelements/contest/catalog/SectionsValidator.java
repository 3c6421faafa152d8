package cn.dataelements.contest.catalog;

import cn.dataelements.contest.catalog.CatalogDocs.PartDoc;
import cn.dataelements.contest.catalog.CatalogDocs.SectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.SectionsFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Checks form-sections.yaml: keys present and unique, titles present, no empty synonym, no name in two sections. */
final class SectionsValidator {

    private SectionsValidator() {}

    static void check(SectionsFile file, Problems.InFile problems) {
        List<SectionDoc> sections = file == null ? List.of() : CatalogDocs.orEmpty(file.sections());
        if (sections.isEmpty()) {
            problems.add("sections", "no sections; valid: a list of sections with key, title, synonyms, parts");
            return;
        }
        Set<String> keys = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            String path = "sections[" + i + "]";
            SectionDoc section = sections.get(i);
            if (problems.requireText(path + ".key", section.key(), "key") && !keys.add(section.key())) {
                problems.add(path + ".key", "key '" + section.key() + "' is defined twice; valid: a unique key");
            }
            problems.requireText(path + ".title", section.title(), "title");
            problems.requireTexts(path + ".synonyms", section.synonyms());
            uniqueNames(path, section.title(), section.synonyms(), names, problems);
            checkParts(path, CatalogDocs.orEmpty(section.parts()), problems);
        }
    }

    private static void checkParts(String sectionPath, List<PartDoc> parts, Problems.InFile problems) {
        Set<String> keys = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String path = sectionPath + ".parts[" + i + "]";
            PartDoc part = parts.get(i);
            if (problems.requireText(path + ".key", part.key(), "key") && !keys.add(part.key())) {
                problems.add(path + ".key", "key '" + part.key() + "' is defined twice in this section");
            }
            problems.requireText(path + ".title", part.title(), "title");
            problems.requireTexts(path + ".synonyms", part.synonyms());
            uniqueNames(path, part.title(), part.synonyms(), names, problems);
        }
    }

    /** A heading must lead to one place: the same name (as compared) in two sections or parts is ambiguous. */
    private static void uniqueNames(
            String path, String title, List<String> synonyms, Map<String, String> seen, Problems.InFile problems) {
        Stream.concat(Stream.of(title), CatalogDocs.orEmpty(synonyms).stream())
                .filter(n -> n != null && !n.isBlank())
                .forEach(name -> {
                    String other = seen.putIfAbsent(ChineseText.heading(name), path);
                    if (other != null && !other.equals(path)) {
                        problems.add(
                                path, "name '" + name + "' is also used by " + other + "; valid: a name used once");
                    }
                });
    }
}
