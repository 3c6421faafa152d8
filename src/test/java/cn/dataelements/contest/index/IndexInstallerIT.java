package cn.dataelements.contest.index;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntakeIT
class IndexInstallerIT {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexProperties properties;

    @Test
    void everyDefinitionIsInstalledBehindItsAlias() throws Exception {
        for (String name : List.of("submissions", "ledger")) {
            String alias = properties.alias(name);
            var aliases = client.indices().getAlias(a -> a.name(alias)).result();
            assertThat(aliases).hasSize(1);
            assertThat(aliases.keySet().iterator().next()).startsWith(alias + "-");
        }
    }

    @Test
    void aChineseSubjectIsFoundByAPhraseOfIt() throws Exception {
        String alias = properties.alias("submissions");
        Map<String, Object> document = Map.of(
                "id", "installer-it-1",
                "channel", "mail",
                "subject", "现代农业-威海市海洋牧场科技有限公司-海洋牧场数据智能平台");
        client.index(i -> i.index(alias).id("installer-it-1").document(document).refresh(Refresh.True));

        SearchResponse<Map> found = client.search(
                s -> s.index(alias)
                        .query(q -> q.matchPhrase(m -> m.field("subject").query("海洋牧场数据"))),
                Map.class);

        assertThat(found.hits().hits()).extracting(h -> h.id()).contains("installer-it-1");
    }

    @Test
    void aChangedDefinitionMovesTheAliasToANewIndexAndKeepsTheOld(@TempDir Path definitions) throws Exception {
        IndexProperties probe = new IndexProperties("probe" + System.nanoTime(), definitions);
        Files.writeString(
                definitions.resolve("things.index.json"),
                "{\"mappings\":{\"properties\":{\"a\":{\"type\":\"keyword\"}}}}");
        IndexInstaller first = new IndexInstaller(client, probe);
        first.afterPropertiesSet();
        String before = client.indices()
                .getAlias(a -> a.name(probe.alias("things")))
                .result()
                .keySet()
                .iterator()
                .next();

        Files.writeString(
                definitions.resolve("things.index.json"),
                "{\"mappings\":{\"properties\":{\"b\":{\"type\":\"keyword\"}}}}");
        IndexInstaller second = new IndexInstaller(client, probe);
        second.afterPropertiesSet();

        var now = client.indices()
                .getAlias(a -> a.name(probe.alias("things")))
                .result()
                .keySet();
        assertThat(now).hasSize(1).doesNotContain(before);
        assertThat(client.indices().exists(e -> e.index(before)).value()).isTrue();
        assertThat(first.moved()).isEmpty();
        assertThat(second.moved()).containsExactly(probe.alias("things"));
    }

    @Test
    void theIndexRefusesFieldsItDoesNotDefine() {
        String alias = properties.alias("submissions");
        Map<String, Object> document = Map.of("id", "installer-it-2", "undeclared", "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        client.index(i -> i.index(alias).id("installer-it-2").document(document)))
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }
}
