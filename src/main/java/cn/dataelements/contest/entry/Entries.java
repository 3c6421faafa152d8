package cn.dataelements.contest.entry;

import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Entries as they are indexed, by id: what the API and the entry page read. */
@Component
public class Entries {

    private final ElasticsearchClient client;
    private final String alias;

    Entries(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias("entries");
    }

    public Optional<Entry> find(String id) throws IOException {
        GetResponse<Entry> found = client.get(g -> g.index(alias).id(id), Entry.class);
        return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
    }
}
