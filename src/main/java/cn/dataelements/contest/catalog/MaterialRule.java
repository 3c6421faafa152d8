package cn.dataelements.contest.catalog;

import cn.dataelements.contest.entry.MaterialKind;
import java.util.List;

/**
 * One rule of mappings/materials.yaml: a file is of {@code kind} when its name has one of the extensions or contains
 * one of the names, or (fallback) its text starts with one of the text keywords. Keywords are kept normalized.
 *
 * @param kind what a matching file is
 * @param extensions file extensions without the dot, e.g. pptx
 * @param names substrings of a file or folder name, e.g. 营业执照
 * @param text substrings of the start of the extracted text, e.g. 作品申报书
 */
public record MaterialRule(MaterialKind kind, List<String> extensions, List<String> names, List<String> text) {

    public MaterialRule {
        extensions = normalized(extensions);
        names = normalized(names);
        text = normalized(text);
    }

    boolean matchesFileName(String normalizedName) {
        int dot = normalizedName.lastIndexOf('.');
        String extension = dot < 0 ? "" : normalizedName.substring(dot + 1);
        return extensions.contains(extension) || matchesFolder(normalizedName);
    }

    boolean matchesFolder(String normalizedFolder) {
        return names.stream().anyMatch(normalizedFolder::contains);
    }

    boolean matchesText(String normalizedText) {
        return text.stream().anyMatch(normalizedText::contains);
    }

    private static List<String> normalized(List<String> values) {
        return values.stream().map(ChineseText::normalize).toList();
    }
}
