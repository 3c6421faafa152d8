package cn.dataelements.contest.catalog;

import cn.dataelements.contest.entry.MaterialKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Classifies a file of an entry into a {@link MaterialKind} by the ordered rules of mappings/materials.yaml: first
 * by its own name, then by the folders above it (inside an attachment or archive), then by the start of its
 * extracted text; first match wins, OTHER when nothing matches.
 */
public final class MaterialClassifier {

    private final List<MaterialRule> rules;
    private final int textWindow;

    /**
     * @param rules the rules in order
     * @param textWindow how many characters of extracted text the text keywords are looked for in
     */
    public MaterialClassifier(List<MaterialRule> rules, int textWindow) {
        this.rules = List.copyOf(rules);
        this.textWindow = textWindow;
    }

    public List<MaterialRule> rules() {
        return rules;
    }

    /**
     * What the file is.
     *
     * @param path its path within its submission, folders separated by / or \, e.g. 材料.zip/相关证明材料/软著.pdf
     * @param textStart the start of its extracted text, or null/empty when there is none
     */
    public MaterialKind classify(String path, String textStart) {
        String normalized = ChineseText.normalize(path).replace('\\', '/');
        int slash = normalized.lastIndexOf('/');
        String name = normalized.substring(slash + 1);
        String folders = slash < 0 ? "" : normalized.substring(0, slash);
        String text = ChineseText.normalize(head(textStart));
        return first(r -> r.matchesFileName(name))
                .or(() -> byFolder(folders))
                .or(() -> first(r -> !text.isEmpty() && r.matchesText(text)))
                .orElse(MaterialKind.OTHER);
    }

    /** The nearest folder that says something wins: 申报材料.zip/资质/001.pdf is a qualification. */
    private Optional<MaterialKind> byFolder(String folders) {
        List<String> segments = List.of(folders.split("/"));
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            Optional<MaterialKind> kind = first(r -> !segment.isEmpty() && r.matchesFolder(segment));
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private Optional<MaterialKind> first(Predicate<MaterialRule> test) {
        return rules.stream().filter(test).map(MaterialRule::kind).findFirst();
    }

    private String head(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= textWindow ? text : text.substring(0, textWindow);
    }
}
