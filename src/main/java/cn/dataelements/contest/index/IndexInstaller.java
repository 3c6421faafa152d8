package cn.dataelements.contest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Installs every index definition under {@code mappings/elasticsearch/} at start-up, behind an alias: the index is
 * named after the alias plus a digest of its definition, the app only ever uses the alias, and so an index can be
 * rebuilt under a new definition and the alias moved. When a definition changed since its index was made, the alias
 * moves to a new index and the old one is kept; the app then fills the new one from its archive and ledger.
 */
@Component
public class IndexInstaller implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IndexInstaller.class);
    private static final String SUFFIX = ".index.json";

    private final ElasticsearchClient client;
    private final IndexProperties properties;
    private final Set<String> moved = new java.util.TreeSet<>();

    IndexInstaller(ElasticsearchClient client, IndexProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        for (Path definition : definitions()) {
            install(definition);
        }
    }

    private List<Path> definitions() throws IOException {
        Path folder = properties.definitions();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("intake.index.definitions: no folder " + folder.toAbsolutePath()
                    + "; it must hold the <name>.index.json files (see mappings/elasticsearch in the repository)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private void install(Path definition) throws IOException {
        String fileName = definition.getFileName().toString();
        String alias = properties.alias(fileName.substring(0, fileName.length() - SUFFIX.length()));
        String json = Files.readString(definition, StandardCharsets.UTF_8);
        String index = alias + "-" + digest(json);
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            create(definition, index, json);
            client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
            log.info("Created index {} behind alias {} from {}", index, alias, definition);
            return;
        }
        Set<String> current =
                client.indices().getAlias(a -> a.name(alias)).result().keySet();
        if (!current.contains(index)) {
            moveAlias(definition, alias, index, json, current);
        }
    }

    /**
     * A definition changed: the alias moves to a new index made from it, the old index is kept (nothing is deleted),
     * and the new one is filled again from the archive (see {@link #moved()}).
     */
    private void moveAlias(Path definition, String alias, String index, String json, Set<String> old)
            throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            create(definition, index, json);
        }
        client.indices().updateAliases(u -> {
            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
            return u.actions(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true)));
        });
        moved.add(alias);
        log.warn(
                "Index definition {} changed: alias {} now points at the new index {} (old index {} kept); "
                        + "it is filled again from the archive",
                definition,
                alias,
                index,
                old);
    }

    private void create(Path definition, String index, String json) throws IOException {
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(json)));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException(
                    definition + ": Elasticsearch refused this index definition: "
                            + e.response().error().reason(),
                    e);
        }
    }

    /** The aliases moved to a new index at this start: their data must be rebuilt from the archive and ledger. */
    public Set<String> moved() {
        return Set.copyOf(moved);
    }

    static String digest(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
