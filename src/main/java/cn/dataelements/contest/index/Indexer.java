package cn.dataelements.contest.index;

import cn.dataelements.contest.submission.PermanentIntakeException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Owns every write to Elasticsearch: bulk requests, and a verdict for each item. An item the index refuses for what
 * it is (a mapping error) is permanent; an unreachable or overloaded index is transient, retried by the caller's
 * error handler.
 */
@Component
public class Indexer {

    private final ElasticsearchClient client;

    Indexer(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Writes the items; returns only when every item was acknowledged, that is durable in the index's translog. It
     * does not wait for the next refresh: that would cap intake at one bulk per refresh interval.
     */
    public void index(String alias, List<IndexItem> items) {
        if (items.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexItem item : items) {
            bulk.operations(op -> op.index(i -> i.index(alias).id(item.id()).document(item.document())));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Elasticsearch did not take a bulk of " + items.size() + " into " + alias, e);
        }
        if (response.errors()) {
            failOn(alias, response.items());
        }
    }

    /** True when a document with this id is in the index. */
    /** A real-time get by id: sees a write made a moment ago, without waiting for a refresh. */
    public <T> Optional<T> get(String alias, String id, Class<T> type) {
        try {
            GetResponse<T> found = client.get(g -> g.index(alias).id(id), type);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Elasticsearch could not be asked for " + id + " in " + alias, e);
        }
    }

    public boolean exists(String alias, String id) {
        try {
            return client.exists(e -> e.index(alias).id(id)).value();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Elasticsearch could not be asked for " + id + " in " + alias, e);
        }
    }

    private static void failOn(String alias, List<BulkResponseItem> items) {
        for (BulkResponseItem item : items) {
            if (item.error() == null) {
                continue;
            }
            String reason = alias + "/" + item.id() + ": " + item.error().type() + ": "
                    + item.error().reason();
            if (item.status() == 429 || item.status() >= 500) {
                throw new IndexingException(reason, null);
            }
            throw new PermanentIntakeException(
                    reason, "索引拒绝了该提交的数据（" + item.error().type() + "），原件已保存。", null);
        }
    }
}
