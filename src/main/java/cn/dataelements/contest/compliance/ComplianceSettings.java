package cn.dataelements.contest.compliance;

import java.util.List;
import java.util.Map;

/**
 * What mappings/compliance.yaml and the forbidden-word list say, loaded and validated once.
 *
 * @param rules every finding code's configuration
 * @param maxRepresentatives the most representatives a team may have (the guide: 5)
 * @param forbiddenWords words a work title must not contain, as listed
 * @param organizations how proof documents' organization names are recognized
 */
public record ComplianceSettings(
        Map<FindingCode, RuleSpec> rules,
        int maxRepresentatives,
        List<String> forbiddenWords,
        OrganizationNames organizations) {

    public ComplianceSettings {
        rules = Map.copyOf(rules);
        forbiddenWords = List.copyOf(forbiddenWords);
    }

    /** Loads and validates the files in a folder; throws {@link ComplianceConfigException} naming what is wrong. */
    public static ComplianceSettings load(java.nio.file.Path dir, String forbiddenWordsFile) {
        return ComplianceConfigLoader.load(dir, forbiddenWordsFile);
    }

    RuleSpec rule(FindingCode code) {
        return rules.get(code);
    }
}
