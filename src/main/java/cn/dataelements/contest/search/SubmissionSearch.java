package cn.dataelements.contest.search;

import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.submission.SubmissionDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Finds submissions in the submissions alias. The index analyses Chinese one character per token, so the text is
 * matched as a phrase: 海洋牧场 finds those four characters in a row, not every document with 海 in it. Without text,
 * the newest submissions come first.
 */
@Service
public class SubmissionSearch {

    static final int MAX_HITS = 20;
    private static final List<String> FIELDS = List.of("subject", "bodyText", "files.name", "files.text");

    private final ElasticsearchClient client;
    private final String alias;

    SubmissionSearch(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias("submissions");
    }

    public List<SubmissionHit> search(String text) throws IOException {
        SearchRequest request = text == null || text.isBlank() ? newest() : matching(text.strip());
        return client.search(request, SubmissionDocument.class).hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .map(SubmissionHit::of)
                .toList();
    }

    private SearchRequest newest() {
        return SearchRequest.of(s -> s.index(alias)
                .size(MAX_HITS)
                .query(q -> q.matchAll(m -> m))
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc))));
    }

    private SearchRequest matching(String text) {
        return SearchRequest.of(s -> s.index(alias)
                .size(MAX_HITS)
                .query(q -> q.multiMatch(m -> m.query(text).fields(FIELDS).type(TextQueryType.Phrase))));
    }
}
