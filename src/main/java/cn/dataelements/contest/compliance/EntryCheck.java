package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.submission.ReadSubmission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs the pre-check on an entry's current version (every file of it, whichever submission brought it) and indexes the
 * findings, each beside the decision a person made on it, if any. Runs after every new version and on every rebuild,
 * so findings always match the current rules. Findings across entries are kept on both sides: the entries this one
 * conflicts with, now or before this version, are checked again too. The findings document is read, changed and
 * written back only if nobody wrote it in between, so a check and a committee decision never undo each other.
 */
@Component
public class EntryCheck {

    private static final Logger log = LoggerFactory.getLogger(EntryCheck.class);

    private final ComplianceChecker checker;
    private final DecisionStore decisions;
    private final Indexer indexer;
    private final StoredCheckInputs inputs;
    private final ApplicationEventPublisher events;
    private final String alias;
    private final String published;

    EntryCheck(
            ComplianceChecker checker,
            DecisionStore decisions,
            Indexer indexer,
            StoredCheckInputs inputs,
            ApplicationEventPublisher events,
            IndexProperties index) {
        this.checker = checker;
        this.events = events;
        this.decisions = decisions;
        this.indexer = indexer;
        this.inputs = inputs;
        this.alias = index.writeAlias("findings");
        this.published = index.alias("findings");
    }

    /** The findings of an entry, and whether they differ from what was indexed before. */
    public record Checked(EntryFindings findings, boolean changed) {}

    /**
     * Checks the entry as it now stands and indexes the findings when they differ from those indexed before; then
     * checks again the entries it conflicts with, now or before.
     *
     * @param read the submission just read, not yet indexed: the texts of its files come from it
     */
    public Checked check(Entry entry, ReadSubmission read) {
        Saved saved = checkAndSave(inputs.of(entry, Optional.of(read)));
        Set<String> related = new TreeSet<>(saved.findings().conflicts());
        related.addAll(saved.previousConflicts());
        related.remove(entry.id());
        related.forEach(this::checkAgain);
        return saved.result();
    }

    /** Checks an indexed entry again (a watch list changed, or an entry it conflicts with); false when not indexed. */
    public boolean checkAgain(String entryId) {
        Optional<CheckInput> input = inputs.of(entryId);
        if (input.isEmpty()) {
            log.warn("Entry {} could not be read back to be checked again; a re-run checks it", entryId);
            return false;
        }
        if (checkAndSave(input.get()).result().changed()) {
            log.info("Findings of entry {} changed", entryId);
        }
        return true;
    }

    /** The team may read this finding in its receipt. */
    public boolean forTeam(Finding finding) {
        return checker.forTeam(finding);
    }

    /**
     * Records a committee member's decision on a finding and puts it beside the finding in the index.
     *
     * @return the findings with the decision, or empty when the entry's findings are not (yet) in the write index:
     *     the decision is kept on disk all the same, and the next check of the entry shows it
     */
    public Optional<EntryFindings> decide(Decision decision) {
        decisions.record(decision);
        if (indexer.get(alias, decision.entryId(), EntryFindings.class).isEmpty()) {
            return Optional.empty();
        }
        EntryFindings decided = indexer.update(alias, decision.entryId(), EntryFindings.class, current -> {
            EntryFindings now = current.orElseThrow();
            return withDecisions(
                    now.entryId(),
                    now.findings().stream().map(CheckedFinding::finding).toList(),
                    now.conflicts());
        });
        inputs.of(decision.entryId()).ifPresent(input -> events.publishEvent(new FindingsSaved(input, decided)));
        return Optional.of(decided);
    }

    private record Saved(Checked result, List<String> previousConflicts) {
        EntryFindings findings() {
            return result.findings();
        }
    }

    /**
     * Checks and writes the findings. What people see (the read alias) is the measure of a change: during a rebuild
     * the write index is new, and findings that come out as people already see them are written as they were (same
     * time of check), so a re-run leaves unchanged entries untouched.
     */
    private Saved checkAndSave(CheckInput input) {
        String entryId = input.entry().id();
        ComplianceChecker.Result result = checker.run(input);
        List<Finding> findings = result.findings();
        List<String> conflicts = result.conflicts();
        AtomicBoolean changed = new AtomicBoolean();
        AtomicReference<List<String>> before = new AtomicReference<>(List.of());
        EntryFindings saved;
        long seen;
        do {
            // A decision recorded while this check wrote (before its findings were in the index) is put in now.
            seen = decisions.revision();
            saved = indexer.update(alias, entryId, EntryFindings.class, current -> {
                // the decisions are read on every turn: one made since the last turn is kept
                EntryFindings next = withDecisions(entryId, findings, conflicts);
                Optional<EntryFindings> shown = indexer.get(published, entryId, EntryFindings.class);
                before.set(current.or(() -> shown).map(EntryFindings::conflicts).orElse(List.of()));
                changed.set(
                        changed.get() || shown.map(s -> !sameResult(s, next)).orElse(true));
                if (current.isPresent() && sameResult(current.get(), next)) {
                    return current.get();
                }
                return shown.filter(s -> sameResult(s, next)).orElse(next);
            });
        } while (decisions.revision() != seen);
        events.publishEvent(new FindingsSaved(input, saved));
        return new Saved(new Checked(saved, changed.get()), before.get());
    }

    /** True when the findings being written differ from those people see now (a rebuild not yet published). */
    public boolean differsFromPublished(String entryId) {
        Optional<EntryFindings> written = indexer.get(alias, entryId, EntryFindings.class);
        Optional<EntryFindings> shown = indexer.get(published, entryId, EntryFindings.class);
        return written.isPresent() != shown.isPresent()
                || written.isPresent() && !sameResult(written.get(), shown.get());
    }

    private static boolean sameResult(EntryFindings a, EntryFindings b) {
        return a.findings().equals(b.findings()) && a.conflicts().equals(b.conflicts());
    }

    EntryFindings withDecisions(String entryId, List<Finding> findings, List<String> conflicts) {
        return new EntryFindings(
                entryId,
                Instant.now(),
                findings.stream()
                        .map(f -> new CheckedFinding(
                                f,
                                Decision.evidenceKey(f.evidence()),
                                decisions.on(entryId, f).orElse(null)))
                        .toList(),
                conflicts);
    }
}
