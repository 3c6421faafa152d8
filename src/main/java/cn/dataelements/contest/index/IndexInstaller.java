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
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Installs every index definition under {@code mappings/elasticsearch/} behind two aliases: the read alias
 * ({@code contest-entries}) that people search, and the write alias ({@code contest-entries-write}) that the pipeline
 * writes and looks up. Both point at one index, named after the alias, a digest of its definition and a generation.
 * A new generation (a changed definition at start-up, or a rebuild) takes the write alias at once and is filled from
 * the archive while the read alias still shows the complete old index; {@link #promote} then moves the read alias.
 * An index of an older definition is kept when its alias moves on; one of the current definition is deleted, since
 * the archive rebuilds it at will.
 */
@Component
public class IndexInstaller implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IndexInstaller.class);
    private static final String SUFFIX = ".index.json";

    private final ElasticsearchClient client;
    private final IndexProperties properties;
    private final Clock clock;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Set<String> unfilled = new TreeSet<>();

    IndexInstaller(ElasticsearchClient client, IndexProperties properties) {
        this.client = client;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        for (Path definition : definitionFiles()) {
            String fileName = definition.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - SUFFIX.length());
            definitions.put(name, Files.readString(definition, StandardCharsets.UTF_8));
            install(name, definition);
        }
    }

    /**
     * The definitions whose write index is not yet complete: created empty at this start, changed at this start, or
     * left half-filled by an interrupted rebuild. Their data must be filled from the database, then
     * {@linkplain #promote promoted}.
     */
    public Set<String> unfilled() {
        return Set.copyOf(unfilled);
    }

    /**
     * Makes a new, empty index of the current definition and moves the write alias to it in one step; the read alias
     * stays where it was until {@link #promote}.
     */
    public synchronized String newGeneration(String name) throws IOException {
        String index = generationName(name);
        create(name, index);
        String write = properties.writeAlias(name);
        Set<String> old = indicesOf(write);
        client.indices().updateAliases(u -> {
            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(write))));
            return u.actions(a -> a.add(ad -> ad.index(index).alias(write).isWriteIndex(true)));
        });
        log.info("Index {} made for {}: new writes go there, searches stay on {}", index, write, old);
        return index;
    }

    /** Points the read alias at the write index, and deletes indices of the current definition no alias needs. */
    public synchronized void promote(String name) throws IOException {
        String read = properties.alias(name);
        String write = properties.writeAlias(name);
        Set<String> target = indicesOf(write);
        Set<String> old = indicesOf(read);
        if (!target.equals(old)) {
            client.indices().updateAliases(u -> {
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(read))));
                target.forEach(t -> u.actions(a -> a.add(ad -> ad.index(t).alias(read))));
                return u;
            });
            log.info("Alias {} now points at {} (was {})", read, target, old);
        }
        unfilled.remove(name);
        deleteUnused(name, target);
    }

    private void install(String name, Path definition) throws IOException {
        String read = properties.alias(name);
        String write = properties.writeAlias(name);
        if (!aliasExists(read)) {
            String index = generationName(name);
            create(name, index);
            client.indices()
                    .updateAliases(u -> u.actions(
                                    a -> a.add(ad -> ad.index(index).alias(read)))
                            .actions(a ->
                                    a.add(ad -> ad.index(index).alias(write).isWriteIndex(true))));
            log.info("Created index {} behind aliases {} and {} from {}", index, read, write, definition);
            // new and empty: whatever the database holds (a restore, a new node) is to be filled in
            unfilled.add(name);
            return;
        }
        Set<String> readIndices = indicesOf(read);
        if (!aliasExists(write)) {
            // installed before there was a write alias: it starts where the read alias is
            readIndices.forEach(index -> putWriteAlias(index, write));
        }
        Set<String> writeIndices = indicesOf(write);
        boolean current = writeIndices.stream().allMatch(index -> isOf(name, index));
        if (!current) {
            String index = newGeneration(name);
            unfilled.add(name);
            log.warn(
                    "Index definition {} changed: new writes go to {}, which is filled again from the archive;"
                            + " {} still answers searches until it is full (old indices are kept)",
                    definition,
                    index,
                    read);
        } else if (!writeIndices.equals(readIndices)) {
            unfilled.add(name);
            log.warn("Index {} behind {} was left half-filled; it is filled again", writeIndices, write);
        }
    }

    private void deleteUnused(String name, Set<String> keep) throws IOException {
        String read = properties.alias(name);
        Set<String> all = client.indices()
                .get(g -> g.index(read + "-*").allowNoIndices(true))
                .result()
                .keySet();
        for (String index : all) {
            if (!keep.contains(index) && isOf(name, index) && aliasesOf(index).isEmpty()) {
                client.indices().delete(d -> d.index(index));
                log.info("Deleted index {}: replaced by {}, rebuilt from the archive at will", index, keep);
            }
        }
    }

    /** True when the index was made from the current definition of this name. */
    private boolean isOf(String name, String index) {
        String base = properties.alias(name) + "-" + digest(definitions.get(name));
        return index.equals(base) || index.startsWith(base + "-");
    }

    private String generationName(String name) {
        return properties.alias(name) + "-" + digest(definitions.get(name)) + "-" + clock.millis();
    }

    private List<Path> definitionFiles() throws IOException {
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

    private void create(String name, String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(definitions.get(name))));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException(
                    properties.definitions().resolve(name + SUFFIX) + ": Elasticsearch refused this index definition: "
                            + e.response().error().reason(),
                    e);
        }
    }

    private void putWriteAlias(String index, String write) {
        try {
            client.indices().putAlias(a -> a.index(index).name(write).isWriteIndex(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean aliasExists(String alias) throws IOException {
        return client.indices().existsAlias(a -> a.name(alias)).value();
    }

    private Set<String> indicesOf(String alias) throws IOException {
        if (!aliasExists(alias)) {
            return new TreeSet<>();
        }
        return new TreeSet<>(
                client.indices().getAlias(a -> a.name(alias)).result().keySet());
    }

    private Set<String> aliasesOf(String index) throws IOException {
        var found = client.indices().getAlias(a -> a.index(index)).result().get(index);
        return found == null ? Set.of() : found.aliases().keySet();
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
