package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.IndexingException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The entries a cross-entry rule must compare with, from the entries index: those sharing a unit's credit code, a
 * person's phone or e-mail. Bounded, so a check costs one query whatever the number of entries.
 */
@Component
class IndexedEntryDirectory implements EntryDirectory {

    private static final int MAX_OTHERS = 200;

    private final ElasticsearchClient client;
    private final String entries;

    IndexedEntryDirectory(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.entries = index.writeAlias("entries");
    }

    @Override
    public List<Entry> others(Entry entry) {
        List<Query> should = new ArrayList<>();
        terms(
                should,
                "units.creditCode",
                entry.units().stream().map(Entry.Unit::creditCode).toList());
        terms(
                should,
                "representatives.phone",
                entry.representatives().stream()
                        .map(Entry.Representative::phone)
                        .toList());
        terms(
                should,
                "representatives.email",
                entry.representatives().stream()
                        .map(Entry.Representative::email)
                        .toList());
        if (should.isEmpty()) {
            return List.of();
        }
        try {
            // Entries written in the last second are not searchable until a refresh; two teams sharing a person
            // often send in the same poll, so without it the second would not see the first.
            client.indices().refresh(r -> r.index(entries));
            return client
                    .search(
                            s -> s.index(entries)
                                    .size(MAX_OTHERS)
                                    .query(q -> q.bool(b -> b.should(should)
                                            .minimumShouldMatch("1")
                                            .mustNot(n -> n.ids(i -> i.values(entry.id()))))),
                            Entry.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Could not look up entries that may conflict with " + entry.id(), e);
        }
    }

    private static void terms(List<Query> should, String field, List<String> values) {
        List<FieldValue> present = values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(FieldValue::of)
                .toList();
        if (!present.isEmpty()) {
            should.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(present)))));
        }
    }
}
