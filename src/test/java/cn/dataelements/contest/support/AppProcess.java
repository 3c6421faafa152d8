package cn.dataelements.contest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The packaged app (the jar the build made) run as a separate process, as an organizer runs it: so a test can kill
 * it hard while GreenMail, in the test JVM, keeps its mail.
 */
public final class AppProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private final String adminPassword = "app-" + UUID.randomUUID();
    private final String adminToken = "ci_app-" + UUID.randomUUID() + UUID.randomUUID();
    private Process process;

    /**
     * @param name names the log file under target/
     * @param properties Spring properties passed as {@code --key=value}
     */
    public AppProcess(String name, Map<String, Object> properties) {
        this.port = freePort();
        this.log = Path.of("target", name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
        this.command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar().toString()));
        command.add("--server.port=" + port);
        command.add("--intake.security.admin-password=" + adminPassword);
        command.add("--intake.security.admin-token=" + adminToken);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    }

    /**
     * An app that polls its own GreenMail account, fast, with its own data folder, against the given cluster.
     *
     * @param extra further properties, e.g. retry timings
     */
    public static AppProcess polling(String name, String account, String elasticsearchUri, Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(Map.of(
                "spring.elasticsearch.uris",
                elasticsearchUri,
                "intake.data-dir",
                IntakeTestEnvironment.dataDir().resolve(name),
                "intake.mail.port",
                TestMailServer.imapPort(),
                "intake.mail.username",
                account,
                "intake.mail.password",
                TestMailServer.password(),
                "intake.mail.poll-delay",
                200,
                "intake.receipts.port",
                TestMailServer.smtpPort()));
        properties.putAll(extra);
        return new AppProcess(name, properties);
    }

    public AppProcess start() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("app up, see " + log)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The app exited during start; see " + log);
                    }
                    return !health().isEmpty();
                });
        return this;
    }

    /** The health endpoint's JSON, UP or DOWN alike; empty while the app does not answer. */
    public String health() {
        return health(false);
    }

    /** The health endpoint's JSON as the admin sees it, with every component's details (reasons included). */
    public String healthDetails() {
        return health(true);
    }

    /** A JSON POST to the app's API as the admin; returns the status code. */
    public int postAsAdmin(String path, String json) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", adminAuthorization())
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of the app's API as the admin; answers the status and body. */
    public HttpResponse<String> getAsAdmin(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", adminAuthorization())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The database of an app process that runs its own local PostgreSQL under this data folder (no
     * {@code spring.datasource.url}): found as {@code bin/backup} finds it, by the server's pid file and password file.
     */
    public static org.springframework.jdbc.core.simple.JdbcClient localDatabase(Path dataDir) {
        try {
            Path server = dataDir.resolve("postgres");
            String port =
                    Files.readAllLines(server.resolve("postmaster.pid")).get(3).strip();
            String password =
                    Files.readString(dataDir.resolve("postgres.password")).strip();
            return org.springframework.jdbc.core.simple.JdbcClient.create(
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(
                            "jdbc:postgresql://127.0.0.1:" + port + "/contest", "contest", password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String adminAuthorization() {
        return "Bearer " + adminToken;
    }

    private String health(boolean asAdmin) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5));
            if (asAdmin) {
                request.header("Authorization", adminAuthorization());
            }
            return HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL to the app and its child processes: a crash, no shutdown hooks. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("contest-intake-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged app jar in target/: run mvn verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
