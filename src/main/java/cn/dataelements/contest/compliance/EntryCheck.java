package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryKeys;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.index.ProjectionQueue;
import cn.dataelements.contest.submission.ReadSubmission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the pre-check on an entry's current version (every file of it, whichever submission brought it) and keeps the
 * findings, each beside the decision a person made on it, if any. Runs after every new version and on every re-run,
 * so findings always match the current rules. Every check runs in a transaction that holds the entry's row lock, so a
 * check and a committee decision take turns and never undo each other. Findings across entries are kept on both sides:
 * the entries this one conflicts with, now or before this version, are queued to be checked again after the commit;
 * and two entries that share a person or a team are checked one after the other (a lock per key), so the second sees
 * the first as committed and neither misses the other.
 */
@Component
public class EntryCheck {

    private static final Logger log = LoggerFactory.getLogger(EntryCheck.class);

    private final ComplianceChecker checker;
    private final DecisionStore decisions;
    private final StoredFindings findings;
    private final StoredCheckInputs inputs;
    private final EntryStore entries;
    private final ProjectionQueue queue;
    private final Clock clock = Clock.systemUTC();

    EntryCheck(
            ComplianceChecker checker,
            DecisionStore decisions,
            StoredFindings findings,
            StoredCheckInputs inputs,
            EntryStore entries,
            ProjectionQueue queue) {
        this.checker = checker;
        this.decisions = decisions;
        this.findings = findings;
        this.inputs = inputs;
        this.entries = entries;
        this.queue = queue;
    }

    /** The findings of an entry, and whether they differ from those kept before. */
    public record Checked(EntryFindings findings, boolean changed) {}

    /**
     * Checks the entry as it now stands, in the caller's transaction (which holds the entry's lock), keeps the
     * findings when they differ from those kept before, and queues the entries it conflicts with, now or before, to be
     * checked again after the commit.
     *
     * @param read the submission just read: the texts of its files come from it
     */
    public Checked check(Entry entry, ReadSubmission read) {
        Saved saved = checkAndSave(inputs.of(entry, Optional.of(read)));
        Set<String> related = new TreeSet<>(saved.result().findings().conflicts());
        related.addAll(saved.previousConflicts());
        related.remove(entry.id());
        related.forEach(queue::recheck);
        return saved.result();
    }

    /** Checks an entry again in its own transaction (a watch list changed, or an entry it conflicts with); false when there is no such entry. */
    public boolean checkAgain(String entryId) {
        return queue.inTransaction(() -> {
            Optional<Entry> entry = entries.lock(entryId);
            if (entry.isEmpty()) {
                log.info("Entry {} is not there (any more) to be checked again", entryId);
                return false;
            }
            if (checkAndSave(inputs.of(entry.get(), Optional.empty())).result().changed()) {
                log.info("Findings of entry {} changed", entryId);
            }
            return true;
        });
    }

    /** The team may read this finding in its receipt. */
    public boolean forTeam(Finding finding) {
        return checker.forTeam(finding);
    }

    /**
     * Records a committee member's decision on a finding and puts it beside the finding, in the caller's transaction,
     * which holds the entry's lock.
     *
     * @return the findings with the decision, or empty when the entry was not checked: the decision is kept all the
     *     same, and the next check of the entry shows it
     */
    Optional<EntryFindings> decide(Decision decision) {
        decisions.record(decision);
        Optional<EntryFindings> current = findings.of(decision.entryId());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        EntryFindings decided = withDecisions(
                decision.entryId(),
                current.get().findings().stream().map(CheckedFinding::finding).toList(),
                current.get().conflicts());
        findings.write(decided);
        queue.entry(decision.entryId(), Map.of());
        return Optional.of(decided);
    }

    private record Saved(Checked result, List<String> previousConflicts) {}

    /** Checks and keeps the findings; findings that come out as they were are left as they were (time of check too). */
    private Saved checkAndSave(CheckInput input) {
        String entryId = input.entry().id();
        entries.lockKeys(EntryKeys.of(input.entry()));
        ComplianceChecker.Result result = checker.run(input);
        EntryFindings next = withDecisions(entryId, result.findings(), result.conflicts());
        Optional<EntryFindings> before = findings.of(entryId);
        boolean changed = before.map(b -> !b.sameResult(next)).orElse(true);
        if (changed) {
            findings.write(next);
        }
        queue.entry(entryId, input.texts());
        return new Saved(
                new Checked(changed ? next : before.get(), changed),
                before.map(EntryFindings::conflicts).orElse(List.of()));
    }

    EntryFindings withDecisions(String entryId, List<Finding> found, List<String> conflicts) {
        Map<String, Decision> decided = decisions.of(entryId);
        return new EntryFindings(
                entryId,
                clock.instant(),
                found.stream()
                        .map(f -> {
                            String evidence = Decision.evidenceKey(f.evidence());
                            return new CheckedFinding(f, evidence, decided.get(f.code() + "\u0000" + evidence));
                        })
                        .toList(),
                conflicts);
    }
}
