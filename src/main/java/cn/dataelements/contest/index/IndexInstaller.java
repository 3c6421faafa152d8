package cn.dataelements.contest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Installs every index definition under {@code mappings/elasticsearch/} at start-up, behind an alias: the index is
 * named after the alias plus a digest of its definition, the app only ever uses the alias, and so an index can be
 * rebuilt under a new definition and the alias moved. A definition that changed since its index was made is reported,
 * not silently applied.
 */
@Component
public class IndexInstaller implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IndexInstaller.class);
    private static final String SUFFIX = ".index.json";

    private final ElasticsearchClient client;
    private final IndexProperties properties;

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
            try {
                client.indices()
                        .create(c -> c.index(index)
                                .withJson(new StringReader(json))
                                .aliases(alias, a -> a.isWriteIndex(true)));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                throw new IllegalStateException(
                        definition + ": Elasticsearch refused this index definition: "
                                + e.response().error().reason(),
                        e);
            }
            log.info("Created index {} behind alias {} from {}", index, alias, definition);
            return;
        }
        GetAliasResponse existing = client.indices().getAlias(a -> a.name(alias));
        if (!existing.result().containsKey(index)) {
            log.warn(
                    "Index definition {} changed since alias {} was made (it points at {}); rebuild the index to apply it",
                    definition,
                    alias,
                    existing.result().keySet());
        }
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
