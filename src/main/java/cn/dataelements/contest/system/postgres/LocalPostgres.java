package cn.dataelements.contest.system.postgres;

import cn.dataelements.contest.system.process.ChildEnvironment;
import cn.dataelements.contest.system.process.RunAs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The local PostgreSQL server, one per JVM, started from the binaries bundled in the jar. Its data folder is kept
 * between runs; it listens on 127.0.0.1 only, with a password made at its first start and kept beside the data folder
 * (readable by its owner only); it runs as an unprivileged account of its own when this JVM is root (PostgreSQL refuses
 * root); it stops when the JVM exits, after the app has closed, and a server a killed earlier run left behind is
 * stopped first.
 */
public final class LocalPostgres {

    /** The role the app connects as. */
    static final String USER = "contest";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static LocalPostgres shared;

    private final LocalPostgresProperties settings;
    private final Path dataDir;
    private Process process;
    private int port;
    private String password;

    private LocalPostgres(LocalPostgresProperties settings) {
        this.settings = settings;
        this.dataDir = settings.dataDir();
    }

    /** Starts the JVM's server on first call and returns it; later calls return the same running server. */
    public static synchronized LocalPostgres startShared(LocalPostgresProperties settings) {
        if (shared == null) {
            LocalPostgres server = new LocalPostgres(settings);
            server.start();
            // after the app's contexts have closed, which still use it as they close (Boot's shutdown hook runs
            // its handlers last; a JVM hook of its own would run alongside and stop it under them)
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(server::stop);
            shared = server;
        }
        return shared;
    }

    /** The version of the binaries this build bundles, from the filtered build resource. */
    public static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = LocalPostgres.class.getResourceAsStream("/embedded-postgres.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("embedded-postgres.properties is missing from the build", e);
        }
        return properties.getProperty("version");
    }

    public String jdbcUrl() {
        return jdbcUrl(settings.database());
    }

    /** The address of one of this server's databases. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The password of the role {@value #USER}. */
    public String password() {
        return password;
    }

    /** The role the app connects as. */
    public static String user() {
        return USER;
    }

    private void start() {
        Instant began = Instant.now();
        try {
            Path home = PostgresBinaries.unpacked(settings.binariesDir(), bundledVersion());
            RunAs runAs = RunAs.forCurrentProcess(settings.runAsUser(), "PostgreSQL server");
            if (runAs.switchesUser()) {
                requireReachable(dataDir.getParent());
            }
            stopLeftover();
            if (settings.freshData()) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
            password = passwordOf(dataDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialize(home, runAs);
            }
            runAs.takeOwnership(dataDir);
            port = settings.port() > 0 ? settings.port() : freePort();
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/postgres").toString(),
                    "-D",
                    dataDir.toString(),
                    "-p",
                    Integer.toString(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "unix_socket_directories="));
            process = ChildEnvironment.clean(runAs.processBuilder(command), Map.of("LC_ALL", "C"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            awaitConnections();
            createDatabase();
            log.info(
                    "Local PostgreSQL took {} ms to start",
                    Duration.between(began, Instant.now()).toMillis());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Could not start the local PostgreSQL server in " + dataDir, e);
        }
    }

    /** A new cluster: initdb as the server's account, with the app's role and its password, UTF-8. */
    private void initialize(Path home, RunAs runAs) throws IOException {
        log.info("Creating the local PostgreSQL data folder {}", dataDir);
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        runAs.takeOwnership(dataDir);
        Path pwfile = Files.createTempFile("contest-pg-", ".pw");
        try {
            Files.writeString(pwfile, password, StandardCharsets.UTF_8);
            runAs.takeOwnership(pwfile);
            run(
                    runAs,
                    List.of(
                            home.resolve("bin/initdb").toString(),
                            "-D",
                            dataDir.toString(),
                            "-U",
                            USER,
                            "-E",
                            "UTF8",
                            "--locale=C",
                            "--auth=scram-sha-256",
                            "--pwfile=" + pwfile));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** The role's password: made at the first start, then read from beside the data folder. */
    private static String passwordOf(Path dataDir) throws IOException {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".password");
        if (Files.exists(file) && Files.exists(dataDir.resolve("PG_VERSION"))) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String made = HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, made, StandardCharsets.UTF_8);
        return made;
    }

    private void awaitConnections() throws IOException {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("The local PostgreSQL server exited with code " + process.exitValue()
                        + " during start; see " + log());
            }
            try (Connection connection = connect("postgres")) {
                return;
            } catch (SQLException e) {
                pause();
            }
        }
        throw new IOException(
                "The local PostgreSQL server took no connection within " + settings.startTimeout() + "; see " + log());
    }

    private void createDatabase() throws IOException {
        try (Connection connection = connect("postgres");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, settings.database());
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + settings.database().replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + settings.database(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    /** Stops the server with a fast shutdown (SIGINT): open connections are closed, nothing committed is lost. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            log.info("Stopping the local PostgreSQL server");
            signal(process.pid(), "INT");
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A server a killed earlier run left on this data folder is stopped, as its postmaster.pid names it. */
    private void stopLeftover() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().orElse("").endsWith("postgres"))
                .ifPresent(leftover -> {
                    log.warn("Stopping the PostgreSQL server (pid {}) an earlier run left on {}", pid, dataDir);
                    signal(pid, "INT");
                    try {
                        leftover.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        leftover.destroyForcibly();
                    }
                });
        awaitReaped(pid);
    }

    /**
     * A server killed a moment ago (with the app that started it) lingers until its parent reaps it: Java counts it
     * dead, but PostgreSQL counts its postmaster.pid as held by a running server and refuses to start. Waits until
     * the process is gone, or is something other than a dead process.
     */
    private static void awaitReaped(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                String line = Files.readString(stat, StandardCharsets.UTF_8);
                char state = line.charAt(line.lastIndexOf(')') + 2);
                if (state != 'Z' && state != 'X') {
                    return;
                }
            } catch (IOException | IndexOutOfBoundsException gone) {
                return;
            }
            pause();
        }
    }

    /**
     * The server's account must pass through every folder above its data folder: a private folder (a home folder, a
     * temporary folder made for the owner only) says so before PostgreSQL fails with a less plain message.
     */
    private static void requireReachable(Path folder) throws IOException {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)
                    && !Files.getPosixFilePermissions(p)
                            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException(
                        "The local PostgreSQL server runs as an account of its own, which cannot enter " + p
                                + " (not world-searchable): put intake.postgres.embedded.data-dir (or intake.data-dir) under a"
                                + " folder it can reach, or run the app as a user other than root");
            }
        }
    }

    private Path log() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal PostgreSQL (pid {}): {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(RunAs runAs, List<String> command) throws IOException {
        Process child = ChildEnvironment.clean(runAs.processBuilder(command), Map.of("LC_ALL", "C"))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(2, TimeUnit.MINUTES) || child.exitValue() != 0) {
                throw new IOException("Command " + command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command.get(0), e);
        }
    }

    private static void pause() {
        try {
            // polling a server that is starting: there is no event to wait on
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
