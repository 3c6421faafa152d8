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
    void everyDefinitionIsInstalledBehindItsReadAndWriteAliases() throws Exception {
        for (String name : List.of("submissions", "entries", "findings", "search", "ledger")) {
            String alias = properties.alias(name);
            String index = only(alias);
            assertThat(index).startsWith(alias + "-");
            assertThat(only(properties.writeAlias(name))).isEqualTo(index);
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
    void aChangedDefinitionTakesTheWriteAliasAtOnceAndTheReadAliasOnceFilledKeepingTheOld(@TempDir Path definitions)
            throws Exception {
        IndexProperties probe = new IndexProperties("probe" + System.nanoTime(), definitions);
        Files.writeString(
                definitions.resolve("things.index.json"),
                "{\"mappings\":{\"properties\":{\"a\":{\"type\":\"keyword\"}}}}");
        IndexInstaller first = new IndexInstaller(client, probe);
        first.afterPropertiesSet();
        String before = only(probe.alias("things"));
        assertThat(only(probe.writeAlias("things"))).isEqualTo(before);

        Files.writeString(
                definitions.resolve("things.index.json"),
                "{\"mappings\":{\"properties\":{\"b\":{\"type\":\"keyword\"}}}}");
        IndexInstaller second = new IndexInstaller(client, probe);
        second.afterPropertiesSet();

        String filling = only(probe.writeAlias("things"));
        assertThat(filling).isNotEqualTo(before);
        assertThat(only(probe.alias("things")))
                .as("searches stay on the full index")
                .isEqualTo(before);
        assertThat(first.unfilled())
                .as("made new, the index is to be filled with whatever the database holds")
                .containsExactly("things");
        assertThat(second.unfilled()).containsExactly("things");

        second.promote("things");

        assertThat(only(probe.alias("things"))).isEqualTo(filling);
        assertThat(second.unfilled()).isEmpty();
        assertThat(client.indices().exists(e -> e.index(before)).value())
                .as("an index of an older definition is kept")
                .isTrue();
    }

    @Test
    void aNewGenerationOfTheSameDefinitionReplacesTheOldOneWhichIsDeleted(@TempDir Path definitions) throws Exception {
        IndexProperties probe = new IndexProperties("probe" + System.nanoTime(), definitions);
        Files.writeString(
                definitions.resolve("things.index.json"),
                "{\"mappings\":{\"properties\":{\"a\":{\"type\":\"keyword\"}}}}");
        IndexInstaller installer = new IndexInstaller(client, probe);
        installer.afterPropertiesSet();
        String before = only(probe.alias("things"));

        String next = installer.newGeneration("things");
        assertThat(only(probe.alias("things"))).isEqualTo(before);
        assertThat(only(probe.writeAlias("things"))).isEqualTo(next);
        installer.promote("things");

        assertThat(only(probe.alias("things"))).isEqualTo(next);
        assertThat(client.indices().exists(e -> e.index(before)).value()).isFalse();
    }

    @Test
    void anIndexInstalledBeforeThereWasAWriteAliasGetsOne(@TempDir Path definitions) throws Exception {
        IndexProperties probe = new IndexProperties("probe" + System.nanoTime(), definitions);
        String json = "{\"mappings\":{\"properties\":{\"a\":{\"type\":\"keyword\"}}}}";
        Files.writeString(definitions.resolve("things.index.json"), json);
        String old = probe.alias("things") + "-" + IndexInstaller.digest(json);
        client.indices().create(c -> c.index(old).withJson(new java.io.StringReader(json)));
        client.indices().putAlias(a -> a.index(old).name(probe.alias("things")).isWriteIndex(true));

        IndexInstaller installer = new IndexInstaller(client, probe);
        installer.afterPropertiesSet();

        assertThat(only(probe.writeAlias("things"))).isEqualTo(old);
        assertThat(only(probe.alias("things"))).isEqualTo(old);
        assertThat(installer.unfilled()).isEmpty();
    }

    private String only(String alias) throws java.io.IOException {
        var indices = client.indices().getAlias(a -> a.name(alias)).result().keySet();
        assertThat(indices).hasSize(1);
        return indices.iterator().next();
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
