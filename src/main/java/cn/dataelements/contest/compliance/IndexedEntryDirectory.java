package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryLookup;
import cn.dataelements.contest.index.ElasticsearchFailures;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The entries a cross-entry rule must compare with: those sharing a team (unit and title) or a person's phone or e-mail,
 * found by the in-memory {@link EntryLookup} (no index refresh, no search) and read in one real-time multi-get from
 * the write alias. Bounded, so a check costs one request whatever the number of entries.
 */
@Component
class IndexedEntryDirectory implements EntryDirectory {

    private static final Logger log = LoggerFactory.getLogger(IndexedEntryDirectory.class);
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
        Set<String> sharing = lookup.sharing(entry);
        if (sharing.isEmpty()) {
            return List.of();
        }
        if (sharing.size() > MAX_OTHERS) {
            log.warn(
                    "Entry {} shares a team or a person with {} entries; only the first {} are compared",
                    entry.id(),
                    sharing.size(),
                    MAX_OTHERS);
        }
        List<String> ids = sharing.stream().limit(MAX_OTHERS).toList();
        try {
            return client.mget(m -> m.index(entries).ids(ids), Entry.class).docs().stream()
                    .filter(MultiGetResponseItem::isResult)
                    .map(d -> d.result().source())
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Could not read the entries that may conflict with " + entry.id(), e);
        }
    }
}
