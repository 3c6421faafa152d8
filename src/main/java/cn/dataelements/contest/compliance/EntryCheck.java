package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.index.IndexingException;
import cn.dataelements.contest.submission.ReadSubmission;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final co.elastic.clients.elasticsearch.ElasticsearchClient client;

    EntryCheck(
            ComplianceChecker checker,
            DecisionStore decisions,
            Indexer indexer,
            IndexProperties index,
            co.elastic.clients.elasticsearch.ElasticsearchClient client) {
        this.client = client;
        this.checker = checker;
        this.decisions = decisions;
        this.indexer = indexer;
        this.alias = index.alias("findings");
    }

    /**
     * Checks the entry and indexes the findings when they differ from those indexed before; the texts are those of
     * the submission just read (earlier versions' files by name only).
     */
    public Checked check(Entry entry, ReadSubmission read) {
        Map<String, String> texts = new LinkedHashMap<>();
        read.files()
                .forEach(f -> texts.put(
                        f.document().path(), String.valueOf(f.document().text())));
        List<Finding> findings =
                checker.check(new CheckInput(entry, texts, read.document().channel()));
        EntryFindings checked = withDecisions(entry.id(), findings);
        boolean changed = previous(entry.id())
                .map(p -> !p.findings().equals(checked.findings()))
                .orElse(true);
        if (changed) {
            indexer.index(alias, List.of(new IndexItem(entry.id(), checked)));
        }
        return new Checked(checked, changed);
    }

    /** The findings of an entry, and whether they differ from what was indexed before. */
    public record Checked(EntryFindings findings, boolean changed) {}

    private Optional<EntryFindings> previous(String entryId) {
        try {
            GetResponse<EntryFindings> found = client.get(g -> g.index(alias).id(entryId), EntryFindings.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Could not read the findings of " + entryId, e);
        }
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
