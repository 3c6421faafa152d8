package cn.dataelements.contest.compliance;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An entry's findings as the committee sees them, and its decisions on them: what the API and the entry page share.
 * Every decision is recorded with who and when, and in the audit log.
 */
@Component
public class CommitteeDecisions {

    private final ElasticsearchClient client;
    private final String alias;
    private final EntryCheck check;
    private final AuditLog audit;

    CommitteeDecisions(ElasticsearchClient client, IndexProperties index, EntryCheck check, AuditLog audit) {
        this.client = client;
        this.alias = index.alias("findings");
        this.check = check;
        this.audit = audit;
    }

    /** The entry's findings with the decisions on them, if the entry is checked. */
    public Optional<EntryFindings> findings(String entryId) throws IOException {
        GetResponse<EntryFindings> found = client.get(g -> g.index(alias).id(entryId), EntryFindings.class);
        return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
    }

    /**
     * Records a decision on one of the entry's current findings and answers the findings with it, or empty when the
     * entry is not checked.
     *
     * @throws IllegalArgumentException when the entry has no such finding
     */
    public Optional<EntryFindings> decide(
            String entryId, String code, String evidenceKey, String verdict, String reason, String who)
            throws IOException {
        Optional<EntryFindings> found = findings(entryId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> current =
                found.get().findings().stream().map(CheckedFinding::finding).toList();
        boolean known = current.stream()
                .anyMatch(f -> f.code().equals(code)
                        && Decision.evidenceKey(f.evidence()).equals(evidenceKey));
        if (!known) {
            throw new IllegalArgumentException("entry " + entryId + " has no finding " + code + " on " + evidenceKey);
        }
        Decision decision = new Decision(entryId, code, evidenceKey, verdict, reason, who, Instant.now());
        audit.record(who, "decision", entryId, verdict + " " + code + ": " + reason);
        // While a rebuild fills a new index, the entry may not be there yet: the decision is kept all the same.
        return Optional.of(check.decide(decision)
                .orElseGet(
                        () -> check.withDecisions(entryId, current, found.get().conflicts())));
    }
}
