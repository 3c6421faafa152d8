package cn.dataelements.contest.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The pre-check of one entry as indexed ({@code mappings/elasticsearch/findings.index.json}).
 *
 * @param entryId the entry
 * @param checkedAt when the rules ran
 * @param findings every finding with its decision, if any
 */
public record EntryFindings(String entryId, Instant checkedAt, List<CheckedFinding> findings) {}
