package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.submission.ReadSubmission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the pre-check on an entry as it now stands and indexes the findings, each beside the decision a person made
 * on it, if any. Runs after every new version and on every rebuild, so findings always match the current rules.
 * Findings across entries are kept on both sides: the entries this one conflicts with, now or before this version,
 * are checked again too (one level: their own other conflicts did not change).
 */
@Component
public class EntryCheck {

    private static final Logger log = LoggerFactory.getLogger(EntryCheck.class);

    private final ComplianceChecker checker;
    private final DecisionStore decisions;
    private final Indexer indexer;
    private final StoredCheckInputs stored;
    private final String alias;

    EntryCheck(
            ComplianceChecker checker,
            DecisionStore decisions,
            Indexer indexer,
            StoredCheckInputs stored,
            IndexProperties index) {
        this.checker = checker;
        this.decisions = decisions;
        this.indexer = indexer;
        this.stored = stored;
        this.alias = index.alias("findings");
    }

    /**
     * Checks the entry and indexes the findings when they differ from those indexed before; the texts are those of
     * the submission just read (earlier versions' files by name only). Then checks again the entries it conflicts
     * with, now or before.
     */
    public Checked check(Entry entry, ReadSubmission read) {
        Map<String, String> texts = new LinkedHashMap<>();
        read.files()
                .forEach(f -> texts.put(
                        f.document().path(), String.valueOf(f.document().text())));
        Optional<EntryFindings> before = previous(entry.id());
        Checked checked =
                checkAndSave(new CheckInput(entry, texts, read.document().channel()), before);
        Set<String> related = new TreeSet<>(checked.findings().conflicts());
        before.ifPresent(b -> related.addAll(b.conflicts()));
        related.remove(entry.id());
        related.forEach(this::checkAgain);
        return checked;
    }

    /** The findings of an entry, and whether they differ from what was indexed before. */
    public record Checked(EntryFindings findings, boolean changed) {}

    private void checkAgain(String entryId) {
        Optional<CheckInput> input = stored.of(entryId);
        if (input.isEmpty()) {
            log.warn("Entry {} conflicts with a changed entry but could not be read back; a re-run checks it", entryId);
            return;
        }
        if (checkAndSave(input.get(), previous(entryId)).changed()) {
            log.info("Findings of entry {} changed with another entry's new version", entryId);
        }
    }

    private Checked checkAndSave(CheckInput input, Optional<EntryFindings> before) {
        String entryId = input.entry().id();
        EntryFindings checked = withDecisions(entryId, checker.check(input), checker.conflicts(input.entry()));
        boolean changed = before.map(p -> !p.findings().equals(checked.findings())
                        || !p.conflicts().equals(checked.conflicts()))
                .orElse(true);
        if (changed) {
            save(checked);
        }
        return new Checked(checked, changed);
    }

    private Optional<EntryFindings> previous(String entryId) {
        return indexer.get(alias, entryId, EntryFindings.class);
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

    void save(EntryFindings findings) {
        indexer.index(alias, List.of(new IndexItem(findings.entryId(), findings)));
    }
}
