package cn.dataelements.contest.index;

import cn.dataelements.contest.submission.PermanentIntakeException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Owns every write to Elasticsearch: bulk requests with a verdict for each item, and conditional writes of the
 * documents that are read, changed and written back (entries, findings). An item the index refuses for what it is (a
 * mapping error) is permanent; an unreachable or overloaded index is transient, retried by the caller's error handler;
 * a request too large for the node is {@link DocumentTooLargeException}, for the caller to make smaller.
 */
@Component
public class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    /** Conflicting writers of one document take turns; this many lost turns in a row means something is wrong. */
    static final int MAX_CONFLICTS = 100;

    private static final int CONFLICT = 409;
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

    /** A real-time get by id: sees a write made a moment ago, without waiting for a refresh. */
    public <T> Optional<T> get(String alias, String id, Class<T> type) {
        return getVersioned(alias, id, type).map(Versioned::document);
    }

    /** A real-time get by id, with the version a conditional write names. */
    public <T> Optional<Versioned<T>> getVersioned(String alias, String id, Class<T> type) {
        try {
            GetResponse<T> found = client.get(g -> g.index(alias).id(id), type);
            if (!found.found() || found.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new Versioned<>(found.source(), found.seqNo(), found.primaryTerm()));
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Elasticsearch could not be asked for " + id + " in " + alias, e);
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
     * Reads a document, changes it and writes it back only if nobody wrote it in between (optimistic concurrency:
     * {@code if_seq_no}/{@code if_primary_term}, or create-only when it did not exist). On a conflict it reads again
     * and applies the change to what the other writer left, so neither write is lost.
     *
     * @param change the new document from the current one (empty when there is none); may run several times, so it
     *     must not have effects of its own. Returning the current document itself writes nothing.
     * @return the document as written (or as it was, when nothing needed writing)
     */
    public <T> T update(String alias, String id, Class<T> type, Function<Optional<T>, T> change) {
        for (int turn = 1; turn <= MAX_CONFLICTS; turn++) {
            Optional<Versioned<T>> current = getVersioned(alias, id, type);
            T next = change.apply(current.map(Versioned::document));
            if (current.isPresent() && next == current.get().document()) {
                return next;
            }
            if (writeIfUnchanged(alias, id, next, current)) {
                return next;
            }
            log.debug("{}/{} was written by another writer meanwhile; reading it again (turn {})", alias, id, turn);
        }
        // not an outage: the node answers, but something keeps writing this document, which is a defect to see
        throw new IllegalStateException(
                alias + "/" + id + ": still written by others after " + MAX_CONFLICTS + " turns");
    }

    /** True when written; false when another writer changed (or created) the document since {@code expected}. */
    <T> boolean writeIfUnchanged(String alias, String id, T document, Optional<Versioned<T>> expected) {
        try {
            client.index(i -> {
                i.index(alias).id(id).document(document);
                return expected.isPresent()
                        ? i.ifSeqNo(expected.get().seqNo())
                                .ifPrimaryTerm(expected.get().primaryTerm())
                        : i.opType(OpType.Create);
            });
            return true;
        } catch (IOException | RuntimeException e) {
            if (status(e) == CONFLICT) {
                return false;
            }
            throw refused(alias, 1, e);
        }
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
