package cn.dataelements.contest.system.elasticsearch;

import cn.dataelements.contest.system.process.ChildEnvironment;
import cn.dataelements.contest.system.process.RunAs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local Elasticsearch node started from the real distribution, shared by everything in this JVM (all integration
 * tests, or the local run). It binds 127.0.0.1 on free ports, runs as an unprivileged user when this JVM is root (the
 * node refuses root), stops when the JVM exits, and kills a node that a killed earlier run left behind.
 */
public final class EmbeddedElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static EmbeddedElasticsearch shared;

    private final EmbeddedElasticsearchProperties settings;
    private final NodeFolders folders;
    private Process process;
    private URI uri;

    private EmbeddedElasticsearch(EmbeddedElasticsearchProperties settings) {
        this.settings = settings;
        // One folder per checkout and instance, so two checkouts on one machine never stop each other's node.
        String checkout =
                Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());
        this.folders = new NodeFolders(settings.workDir().resolve(settings.instance() + "-" + checkout));
    }

    /** Starts the JVM's node on first call and returns it; later calls return the same running node. */
    public static synchronized EmbeddedElasticsearch startShared(EmbeddedElasticsearchProperties settings) {
        if (shared == null) {
            EmbeddedElasticsearch node = new EmbeddedElasticsearch(settings);
            node.start();
            // after the app's contexts have closed, which still use it as they close (Boot's shutdown hook runs
            // its handlers last; a JVM hook of its own would run alongside and stop it under them)
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(node::stop);
            shared = node;
        }
        return shared;
    }

    /** The version of the distribution this build unpacked, from the filtered build resource. */
    public static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedElasticsearch.class.getResourceAsStream("/embedded-elasticsearch.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("embedded-elasticsearch.properties is missing from the build", e);
        }
        return properties.getProperty("version");
    }

    public URI uri() {
        return uri;
    }

    private void start() {
        Instant began = Instant.now();
        try {
            folders.killLeftover();
            Path home = folders.installHome(settings.distribution());
            if (settings.freshData()) {
                folders.wipeData();
            }
            int httpPort = freePort();
            int transportPort = freePort();
            folders.writeConfig(home, settings.instance(), httpPort, transportPort, settings.maxContentLength());
            RunAs runAs = RunAs.forCurrentProcess(settings.runAsUser(), "Elasticsearch node");
            runAs.takeOwnership(folders.root());
            ProcessBuilder builder = ChildEnvironment.clean(
                            runAs.processBuilder(elasticsearchCommand(home)), environment(home))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(folders.consoleLog().toFile());
            process = builder.start();
            folders.recordLauncherPid(process.pid());
            uri = URI.create("http://127.0.0.1:" + httpPort);
            awaitHealthy();
            log.info(
                    "Local Elasticsearch took {} s to start",
                    Duration.between(began, Instant.now()).toSeconds());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Could not start the local Elasticsearch node in " + folders.root(), e);
        }
    }

    private List<String> elasticsearchCommand(Path home) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/elasticsearch").toString());
        command.add("-p");
        command.add(folders.nodePidFile().toString());
        return command;
    }

    private void awaitHealthy() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local Elasticsearch node exited with code " + process.exitValue()
                        + " during start; its console says:\n" + folders.consoleTail());
            }
            if (isHealthy(client, health)) {
                return;
            }
            pause();
        }
        stop();
        throw new IllegalStateException("The local Elasticsearch node was not healthy within " + settings.startTimeout()
                + "; its console says:\n" + folders.consoleTail());
    }

    private static boolean isHealthy(HttpClient client, HttpRequest health) {
        try {
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    private static void pause() {
        try {
            // Polling a child process that is booting: there is no event to wait on.
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    /** Stops the node: SIGTERM to the launcher, then the node itself if it outlives a grace period. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            log.info("Stopping the local Elasticsearch node ({})", settings.instance());
            process.destroy();
        }
        folders.killLeftover();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private Map<String, String> environment(Path home) {
        return Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap(),
                "ES_PATH_CONF", home.resolve("config").toString(),
                "ES_TMPDIR", folders.tmp().toString());
    }
}
