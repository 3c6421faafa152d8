package cn.dataelements.contest.entry;

import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An entry as reviewers and organizers get it: {@code GET /api/entries/{id}} (signed-in users). */
@RestController
@RequestMapping("/api/entries")
class EntryController {

    private final ElasticsearchClient client;
    private final String alias;

    EntryController(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias("entries");
    }

    @GetMapping("/{id}")
    ResponseEntity<Entry> entry(@PathVariable String id) throws IOException {
        GetResponse<Entry> found = client.get(g -> g.index(alias).id(id), Entry.class);
        return found.found()
                ? ResponseEntity.ok(found.source())
                : ResponseEntity.notFound().build();
    }
}
