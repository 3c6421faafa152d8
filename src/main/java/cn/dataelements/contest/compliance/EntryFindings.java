package cn.dataelements.contest.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The pre-check of one entry as indexed ({@code mappings/elasticsearch/findings.index.json}).
 *
 * @param entryId the entry
 * @param checkedAt when the rules ran
 * @param findings every finding with its decision, if any
 * @param conflicts the other entries it has a cross-entry finding with (a shared person, a second work or track):
 *     their findings change when this entry does, and are checked again then
 */
public record EntryFindings(String entryId, Instant checkedAt, List<CheckedFinding> findings, List<String> conflicts) {

    public EntryFindings {
        findings = List.copyOf(findings);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** The same findings, decisions and conflicts as the other's, whenever either was checked. */
    public boolean sameResult(EntryFindings other) {
        return findings.equals(other.findings()) && conflicts.equals(other.conflicts());
    }
}
