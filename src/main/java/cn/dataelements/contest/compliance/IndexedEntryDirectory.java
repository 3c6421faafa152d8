package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryLookup;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.IndexingException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The entries a cross-entry rule must compare with: those sharing a unit's credit code or a person's phone or e-mail,
 * found by the in-memory {@link EntryLookup} (no index refresh, no search) and read in one real-time multi-get from
 * the write alias. Bounded, so a check costs one request whatever the number of entries.
 */
@Component
class IndexedEntryDirectory implements EntryDirectory {

    private static final int MAX_OTHERS = 200;

    private final ElasticsearchClient client;
    private final EntryLookup lookup;
    private final String entries;

    IndexedEntryDirectory(ElasticsearchClient client, EntryLookup lookup, IndexProperties index) {
        this.client = client;
        this.lookup = lookup;
        this.entries = index.writeAlias("entries");
    }

    @Override
    public List<Entry> others(Entry entry) {
        List<String> ids = lookup.sharing(entry).stream().limit(MAX_OTHERS).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            return client.mget(m -> m.index(entries).ids(ids), Entry.class).docs().stream()
                    .filter(MultiGetResponseItem::isResult)
                    .map(d -> d.result().source())
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Could not read the entries that may conflict with " + entry.id(), e);
        }
    }
}
