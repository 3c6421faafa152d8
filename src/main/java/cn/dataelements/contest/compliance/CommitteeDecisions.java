package cn.dataelements.contest.compliance;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.index.ProjectionQueue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An entry's findings as the committee sees them, and its decisions on them: what the API and the entry page share.
 * A decision is taken in one transaction with the entry's lock (so a check running meanwhile waits and then keeps it),
 * its audit line included.
 */
@Component
public class CommitteeDecisions {

    private final StoredFindings findings;
    private final EntryCheck check;
    private final EntryStore entries;
    private final ProjectionQueue queue;
    private final AuditLog audit;

    CommitteeDecisions(
            StoredFindings findings, EntryCheck check, EntryStore entries, ProjectionQueue queue, AuditLog audit) {
        this.findings = findings;
        this.check = check;
        this.entries = entries;
        this.queue = queue;
        this.audit = audit;
    }

    /** The entry's findings with the decisions on them, if the entry is checked. */
    public Optional<EntryFindings> findings(String entryId) {
        return findings.of(entryId);
    }

    /**
     * Records a decision on one of the entry's current findings and answers the findings with it, or empty when the
     * entry is not checked.
     *
     * @throws IllegalArgumentException when the entry has no such finding
     */
    public Optional<EntryFindings> decide(
            String entryId, String code, String evidenceKey, String verdict, String reason, String who) {
        return queue.inTransaction(() -> {
            entries.lock(entryId);
            Optional<EntryFindings> found = findings.of(entryId);
            if (found.isEmpty()) {
                return Optional.<EntryFindings>empty();
            }
            List<Finding> current =
                    found.get().findings().stream().map(CheckedFinding::finding).toList();
            boolean known = current.stream()
                    .anyMatch(f -> f.code().equals(code)
                            && Decision.evidenceKey(f.evidence()).equals(evidenceKey));
            if (!known) {
                throw new IllegalArgumentException(
                        "entry " + entryId + " has no finding " + code + " on " + evidenceKey);
            }
            audit.record(who, "decision", entryId, verdict + " " + code + ": " + reason);
            return check.decide(new Decision(entryId, code, evidenceKey, verdict, reason, who, Instant.now()));
        });
    }
}
