package cn.dataelements.contest.compliance;

import java.util.List;
import java.util.Set;

/**
 * The stable codes of the pre-check, each with the placeholders its message template in mappings/compliance.yaml may
 * use. A code never changes meaning: decisions by people are keyed by it. A code whose finding rests on another
 * entry or on an imported list is {@linkplain #disclosesOthers() disclosing}: it may never be shown to a team.
 */
public enum FindingCode {
    CREDIT_CODE_MISSING("unit"),
    CREDIT_CODE_INVALID("unit", "code"),
    LEAD_UNIT_MISSING("count"),
    GOVERNMENT_UNIT_OUTSIDE_TRACK_14("unit", "code", "track"),
    TOO_MANY_REPRESENTATIVES("count", "max"),
    PERSON_IN_SEVERAL_TEAMS(true, "person", "otherEntry", "otherTitle"),
    TEAM_SEVERAL_WORKS(true, "unit", "title", "otherEntry", "otherTitle"),
    TEAM_SEVERAL_TRACKS(true, "title", "track", "otherEntry", "otherTrack"),
    WRONG_CHANNEL("track", "expected", "actual"),
    TRACK_NOT_ACCEPTED("track"),
    TRACK_UNKNOWN(),
    MATERIAL_MISSING("material"),
    MATERIAL_RECOMMENDED_MISSING("material"),
    FORM_SECTION_MISSING("section"),
    WORK_TITLE_MISSING(),
    WORK_TITLE_FORBIDDEN_WORD("title", "word"),
    UNIT_DISHONEST(true, "unit", "code", "list"),
    TEAM_IN_PROVINCIAL_CONTEST(true, "unit", "title", "list"),
    PROOF_NAMES_OTHER_ORGANIZATION("file", "organization"),
    SUBMITTED_FILE_MISSING("file", "channel", "reason");

    /** Placeholders that carry another entry's data or an organizer's list: never in a team's receipt. */
    public static final Set<String> FOREIGN_PLACEHOLDERS = Set.of("otherEntry", "otherTitle", "otherTrack", "list");

    private final boolean disclosesOthers;
    private final List<String> placeholders;

    FindingCode(String... placeholders) {
        this(false, placeholders);
    }

    FindingCode(boolean disclosesOthers, String... placeholders) {
        this.disclosesOthers = disclosesOthers;
        this.placeholders = List.of(placeholders);
    }

    /**
     * True when the finding itself tells of another entry or a watch list, whatever its message says: that a person
     * of the team is in another team, that a unit is on the dishonesty list.
     */
    public boolean disclosesOthers() {
        return disclosesOthers;
    }

    /** The names a message template may use in braces, e.g. {@code unit} for {@code {unit}}. */
    public List<String> placeholders() {
        return placeholders;
    }
}
