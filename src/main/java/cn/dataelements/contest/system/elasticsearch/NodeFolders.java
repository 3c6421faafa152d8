package cn.dataelements.contest.system.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The folders of one embedded node: a private copy of the distribution (so the node's user owns it, wherever the
 * build lives), data, logs, temp, and the pid files that let a later run kill a node a killed run left behind.
 */
final class NodeFolders {

    private static final Logger log = LoggerFactory.getLogger(NodeFolders.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Path root;

    NodeFolders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path nodePidFile() {
        return root.resolve("node.pid");
    }

    Path consoleLog() {
        return root.resolve("logs/console.log");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    /** Copies the distribution into this node's folder once per version; the copy is what the node runs. */
    Path installHome(Path distribution) throws IOException {
        if (distribution == null || !Files.isRegularFile(distribution.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + distribution
                    + ": run the build (./mvnw generate-resources) first, or set spring.elasticsearch.uris"
                    + " to use an existing cluster");
        }
        Path home = root.resolve("home-" + distribution.getFileName());
        Path marker = home.resolve(".installed");
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(tmp());
        Files.createDirectories(root.resolve("data"));
        if (!Files.exists(marker)) {
            FileSystemUtils.deleteRecursively(home);
            copyTree(distribution, home);
            Files.writeString(marker, distribution.toString());
        }
        return home;
    }

    void writeConfig(Path home, String instance, int httpPort, int transportPort, String maxContentLength)
            throws IOException {
        // Security is set explicitly: left unset, the first start turns on TLS and rewrites this file to listen on
        // every address. The node is reachable on loopback only.
        List<String> lines = List.of(
                "cluster.name: contest-intake-" + instance,
                "node.name: " + instance,
                "path.data: " + root.resolve("data"),
                "path.logs: " + root.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "http.max_content_length: " + maxContentLength);
        Files.write(home.resolve("config/elasticsearch.yml"), lines, StandardCharsets.UTF_8);
    }

    void wipeData() throws IOException {
        FileSystemUtils.deleteRecursively(root.resolve("data"));
        Files.createDirectories(root.resolve("data"));
    }

    void recordLauncherPid(long pid) throws IOException {
        Files.writeString(root.resolve("launcher.pid"), Long.toString(pid));
    }

    /** Kills the node and launcher recorded in the pid files, if they still run; waits for them to exit. */
    void killLeftover() {
        for (Path pidFile : List.of(root.resolve("launcher.pid"), nodePidFile())) {
            readPid(pidFile)
                    .flatMap(ProcessHandle::of)
                    .filter(NodeFolders::isElasticsearch)
                    .ifPresent(handle -> {
                        log.info(
                                "Stopping Elasticsearch process {} left by an earlier run ({})", handle.pid(), pidFile);
                        terminate(handle);
                    });
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console log at " + consoleLog() + ")";
        }
    }

    private static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }

    private static boolean isElasticsearch(ProcessHandle handle) {
        String command = handle.info().commandLine().orElse("");
        return command.contains("elasticsearch") || command.contains("org.elasticsearch");
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
