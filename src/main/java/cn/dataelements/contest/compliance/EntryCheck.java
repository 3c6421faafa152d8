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
import org.springframework.stereotype.Component;

/**
 * Runs the pre-check on an entry as it now stands and indexes the findings, each beside the decision a person made
 * on it, if any. Runs after every new version and on every rebuild, so findings always match the current rules.
 */
@Component
public class EntryCheck {

    private final ComplianceChecker checker;
    private final DecisionStore decisions;
    private final Indexer indexer;
    private final String alias;

    EntryCheck(ComplianceChecker checker, DecisionStore decisions, Indexer indexer, IndexProperties index) {
        this.checker = checker;
        this.decisions = decisions;
        this.indexer = indexer;
        this.alias = index.alias("findings");
    }

    /** Checks the entry; the texts are those of the submission just read (earlier versions' files by name only). */
    public EntryFindings check(Entry entry, ReadSubmission read) {
        Map<String, String> texts = new LinkedHashMap<>();
        read.files()
                .forEach(f -> texts.put(
                        f.document().path(),
                        f.document().text() == null ? "" : f.document().text()));
        List<Finding> findings =
                checker.check(new CheckInput(entry, texts, read.document().channel()));
        EntryFindings checked = withDecisions(entry.id(), findings);
        indexer.index(alias, List.of(new IndexItem(entry.id(), checked)));
        return checked;
    }

    EntryFindings withDecisions(String entryId, List<Finding> findings) {
        return new EntryFindings(
                entryId,
                Instant.now(),
                findings.stream()
                        .map(f -> new CheckedFinding(
                                f,
                                Decision.evidenceKey(f.evidence()),
                                decisions.on(entryId, f).orElse(null)))
                        .toList());
    }

    void save(EntryFindings findings) {
        indexer.index(alias, List.of(new IndexItem(findings.entryId(), findings)));
    }
}
