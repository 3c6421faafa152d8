package cn.dataelements.contest.review;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The entries a first round takes: every entry that passed the compliance review, that is, checked and without an
 * open blocking finding (a blocking finding counts until the committee overrules it). An entry not checked yet has
 * not passed.
 */
@Component
class EligibleEntries {

    private static final int PAGE = 500;

    record Header(String id, String workTitle, Entry.Track track) {}

    private final ElasticsearchClient client;
    private final String entries;
    private final String findings;

    EligibleEntries(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.entries = index.alias("entries");
        this.findings = index.alias("findings");
    }

    List<RoundEntry> passedCompliance() throws IOException {
        client.indices().refresh(r -> r.index(entries, findings));
        List<RoundEntry> passed = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<Hit<Header>> page = page(after);
            if (page.isEmpty()) {
                return passed;
            }
            Map<String, EntryFindings> checked = findings(page);
            for (Hit<Header> hit : page) {
                Header entry = hit.source();
                EntryFindings found = checked.get(entry.id());
                if (found != null && !blocked(found)) {
                    Entry.Track track = entry.track();
                    passed.add(new RoundEntry(
                            entry.id(),
                            entry.workTitle() == null ? "" : entry.workTitle(),
                            track == null ? 0 : track.number(),
                            track == null ? "未识别赛道" : track.name()));
                }
            }
            after = page.get(page.size() - 1).sort();
        }
    }

    static boolean blocked(EntryFindings found) {
        return found.findings().stream().anyMatch(f -> f.finding().severity() == Severity.BLOCKING && !overruled(f));
    }

    private static boolean overruled(CheckedFinding finding) {
        return finding.decision() != null && finding.decision().verdict().equals("OVERRULED");
    }

    private List<Hit<Header>> page(List<FieldValue> after) throws IOException {
        return client.search(
                        s -> {
                            s.index(entries)
                                    .size(PAGE)
                                    .source(src -> src.filter(f -> f.includes("id", "workTitle", "track")))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            return after == null ? s : s.searchAfter(after);
                        },
                        Header.class)
                .hits()
                .hits();
    }

    private Map<String, EntryFindings> findings(List<Hit<Header>> page) throws IOException {
        List<String> ids = page.stream().map(h -> h.source().id()).toList();
        MgetResponse<EntryFindings> response =
                client.mget(m -> m.index(findings).ids(ids), EntryFindings.class);
        Map<String, EntryFindings> found = new HashMap<>();
        response.docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found()) {
                found.put(doc.result().id(), doc.result().source());
            }
        });
        return found;
    }
}
