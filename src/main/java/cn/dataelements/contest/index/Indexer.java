package cn.dataelements.contest.index;

import cn.dataelements.contest.submission.PermanentIntakeException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Owns every write to Elasticsearch: bulk requests with a verdict for each item, and the projections of committed
 * state, each at the version it was committed at. An item the index refuses for what it is (a
 * mapping error) is permanent; an unreachable or overloaded index is transient, retried by the caller's error handler;
 * a request too large for the node is {@link DocumentTooLargeException}, for the caller to make smaller.
 */
@Component
public class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final int TOO_LARGE = 413;
    private static final int BAD_DOCUMENT = 400;

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
            throw refused(alias, items.size(), e);
        }
        if (response.errors()) {
            failOn(alias, response.items());
        }
    }

    public boolean exists(String alias, String id) {
        try {
            return client.exists(e -> e.index(alias).id(id)).value();
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Elasticsearch could not be asked for " + id + " in " + alias, e);
        }
    }

    /**
     * One write of a projection: a document at the version it was committed at (kept only if the index does not hold
     * a newer one), or, when the document is null, its delete at the version of the commit that removed it (which a
     * document written later at a newer version outlives).
     */
    public record Op(String alias, String id, Object document, long version) {

        public static Op delete(String alias, String id, long version) {
            return new Op(alias, id, null, version);
        }
    }

    /** What became of one {@link Op}. */
    public enum Result {
        /** Written, or a newer version was there already, or there was nothing to delete. */
        DONE,
        /** Too large for the node: the caller may make it smaller. */
        TOO_LARGE,
        /** Refused for what it is, or the node was busy with it: the reason says. */
        FAILED
    }

    /** The result of one op, with the node's reason when it failed. */
    public record Written(Result result, String reason) {}

    /**
     * Writes projections in one bulk request and answers for each op; a request the node does not answer (down,
     * unreachable) throws, as does one too large as a whole ({@link DocumentTooLargeException}).
     */
    public List<Written> write(List<Op> ops) {
        if (ops.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Op op : ops) {
            if (op.document() == null) {
                bulk.operations(o -> o.delete(d ->
                        d.index(op.alias()).id(op.id()).version(op.version()).versionType(VersionType.External)));
            } else {
                bulk.operations(o -> o.index(i -> i.index(op.alias())
                        .id(op.id())
                        .version(op.version())
                        .versionType(VersionType.ExternalGte)
                        .document(op.document())));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | RuntimeException e) {
            if (status(e) == TOO_LARGE) {
                throw new DocumentTooLargeException(ops.size() + " projection(s) too large together", e);
            }
            throw ElasticsearchFailures.of("Elasticsearch did not take " + ops.size() + " projection(s)", e);
        }
        return response.items().stream().map(Indexer::written).toList();
    }

    private static Written written(BulkResponseItem item) {
        boolean delete = item.operationType() == OperationType.Delete;
        if (item.error() == null || item.status() == CONFLICT || delete && item.status() == NOT_FOUND) {
            return new Written(Result.DONE, "");
        }
        String reason = item.index() + "/" + item.id() + ": " + item.status() + " "
                + item.error().type() + ": " + item.error().reason();
        return new Written(item.status() == TOO_LARGE ? Result.TOO_LARGE : Result.FAILED, reason);
    }

    private static RuntimeException refused(String alias, int count, Exception e) {
        if (status(e) == TOO_LARGE) {
            return new DocumentTooLargeException(alias + ": a request of " + count + " document(s) is too large", e);
        }
        if (status(e) == BAD_DOCUMENT) {
            // the document itself does not fit the index's mapping: no retry changes that
            return new PermanentIntakeException(alias + ": " + e.getMessage(), "索引拒绝了该提交的数据（400），原件已保存。", e);
        }
        return ElasticsearchFailures.of("Elasticsearch did not take " + count + " document(s) into " + alias, e);
    }

    private static int status(Exception e) {
        return ElasticsearchFailures.status(e);
    }

    private static void failOn(String alias, List<BulkResponseItem> items) {
        for (BulkResponseItem item : items) {
            if (item.error() == null) {
                continue;
            }
            String reason = alias + "/" + item.id() + ": " + item.error().type() + ": "
                    + item.error().reason();
            if (item.status() == 429 || item.status() >= 500) {
                // overloaded or a shard not ready: the node may take it later
                throw new IndexingException(reason, null);
            }
            if (item.status() == TOO_LARGE) {
                throw new DocumentTooLargeException(reason, null);
            }
            throw new PermanentIntakeException(
                    reason, "索引拒绝了该提交的数据（" + item.error().type() + "），原件已保存。", null);
        }
    }
}
