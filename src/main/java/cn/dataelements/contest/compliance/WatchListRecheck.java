package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.ElasticsearchFailures;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * After a watch list is imported, checks again every entry with a unit on the new import or on the one it replaced:
 * a unit that was added to the 失信 list gets its finding now, one that was taken off loses it, without a re-run of
 * every entry. Walks the entries index a page at a time ({@code search_after}), reading only ids and units.
 */
@Component
class WatchListRecheck implements ListRecheck {

    private static final int PAGE = 500;

    /** The part of an entry a list is matched against. */
    record EntryUnits(String id, List<Entry.Unit> units) {}

    private final ElasticsearchClient client;
    private final EntryCheck check;
    private final String entries;

    WatchListRecheck(ElasticsearchClient client, EntryCheck check, IndexProperties index) {
        this.client = client;
        this.check = check;
        this.entries = index.writeAlias("entries");
    }

    @Override
    public List<String> recheck(WatchList now, WatchList before) {
        List<String> matching = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<Hit<EntryUnits>> page = page(after);
            for (Hit<EntryUnits> hit : page) {
                EntryUnits entry = hit.source();
                if (entry != null && names(now, entry) || entry != null && names(before, entry)) {
                    matching.add(entry.id());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).sort();
        }
        matching.forEach(check::checkAgain);
        return matching;
    }

    private static boolean names(WatchList list, EntryUnits entry) {
        return entry.units() != null
                && entry.units().stream()
                        .anyMatch(u -> list.find(u.name(), u.creditCode()).isPresent());
    }

    private List<Hit<EntryUnits>> page(List<FieldValue> after) {
        try {
            client.indices().refresh(r -> r.index(entries));
            SearchResponse<EntryUnits> response = client.search(
                    s -> {
                        s.index(entries)
                                .size(PAGE)
                                .source(src -> src.filter(f -> f.includes("id", "units")))
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                        return after == null ? s : s.searchAfter(after);
                    },
                    EntryUnits.class);
            return response.hits().hits();
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Could not walk the entries to check them against a new list", e);
        }
    }
}
