package cn.dataelements.contest.ledger;

import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The intake ledger as the intake page reads it: the latest lines, or the latest of one outcome, newest first. */
@Component
public class LedgerView {

    private final ElasticsearchClient client;
    private final String alias;

    LedgerView(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias("ledger");
    }

    /**
     * The latest lines, newest first.
     *
     * @param outcome only lines of this outcome, or null for all
     */
    public List<LedgerEvent> latest(Outcome outcome, int limit) throws IOException {
        Query query = outcome == null
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.term(t -> t.field("outcome").value(outcome.name())));
        return client
                .search(
                        s -> s.index(alias)
                                .size(limit)
                                .query(query)
                                .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
                        LedgerEvent.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }
}
