package cn.dataelements.contest.catalog;

import cn.dataelements.contest.catalog.CatalogDocs.MaterialsFile;
import cn.dataelements.contest.catalog.CatalogDocs.RuleDoc;
import java.util.List;

/** Checks materials.yaml: a positive text window, and every rule with a valid kind and something to match on. */
final class RulesValidator {

    private RulesValidator() {}

    static void check(MaterialsFile file, Problems.InFile problems) {
        if (file != null && file.textWindow() != null && file.textWindow() < 1) {
            problems.add(
                    "text-window", "'" + file.textWindow() + "' is not a length; valid: a number of characters > 0");
        }
        List<RuleDoc> rules = file == null ? List.of() : CatalogDocs.orEmpty(file.rules());
        if (rules.isEmpty()) {
            problems.add("rules", "no rules; valid: a list of rules with kind and extensions, names or text");
        }
        for (int i = 0; i < rules.size(); i++) {
            checkRule("rules[" + i + "]", rules.get(i), problems);
        }
    }

    private static void checkRule(String path, RuleDoc rule, Problems.InFile problems) {
        TracksValidator.checkKind(problems, path + ".kind", rule.kind());
        if (CatalogDocs.orEmpty(rule.extensions()).isEmpty()
                && CatalogDocs.orEmpty(rule.names()).isEmpty()
                && CatalogDocs.orEmpty(rule.text()).isEmpty()) {
            problems.add(path, "matches nothing; valid: at least one of extensions, names, text");
        }
        problems.requireTexts(path + ".extensions", rule.extensions());
        problems.requireTexts(path + ".names", rule.names());
        problems.requireTexts(path + ".text", rule.text());
        List<String> extensions = CatalogDocs.orEmpty(rule.extensions());
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i) != null && extensions.get(i).startsWith(".")) {
                problems.add(
                        path + ".extensions[" + i + "]",
                        "'" + extensions.get(i) + "' starts with a dot; valid: the extension without it, e.g. pptx");
            }
        }
    }
}
