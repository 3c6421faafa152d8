package cn.dataelements.contest.compliance;

import java.util.List;

/**
 * The stable codes of the pre-check, each with the placeholders its message template in mappings/compliance.yaml may
 * use. A code never changes meaning: decisions by people are keyed by it.
 */
public enum FindingCode {
    CREDIT_CODE_MISSING("unit"),
    CREDIT_CODE_INVALID("unit", "code"),
    LEAD_UNIT_MISSING("count"),
    GOVERNMENT_UNIT_OUTSIDE_TRACK_14("unit", "code", "track"),
    TOO_MANY_REPRESENTATIVES("count", "max"),
    PERSON_IN_SEVERAL_TEAMS("person", "otherEntry", "otherTitle"),
    TEAM_SEVERAL_WORKS("unit", "title", "otherEntry", "otherTitle"),
    TEAM_SEVERAL_TRACKS("title", "track", "otherEntry", "otherTrack"),
    WRONG_CHANNEL("track", "expected", "actual"),
    TRACK_NOT_ACCEPTED("track"),
    TRACK_UNKNOWN(),
    MATERIAL_MISSING("material"),
    MATERIAL_RECOMMENDED_MISSING("material"),
    FORM_SECTION_MISSING("section"),
    WORK_TITLE_MISSING(),
    WORK_TITLE_FORBIDDEN_WORD("title", "word"),
    UNIT_DISHONEST("unit", "code", "list"),
    TEAM_IN_PROVINCIAL_CONTEST("unit", "title", "list"),
    PROOF_NAMES_OTHER_ORGANIZATION("file", "organization");

    private final List<String> placeholders;

    FindingCode(String... placeholders) {
        this.placeholders = List.of(placeholders);
    }

    /** The names a message template may use in braces, e.g. {@code unit} for {@code {unit}}. */
    public List<String> placeholders() {
        return placeholders;
    }
}
