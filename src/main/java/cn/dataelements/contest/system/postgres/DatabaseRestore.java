package cn.dataelements.contest.system.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Restores a database dump that {@code bin/restore} left in the data folder ({@code restore/database.dump}) before the
 * schema is migrated: with {@code pg_restore} into the app's database, which must be empty, then marks the dump as
 * restored so it is restored once. The search indices are then filled anew from the restored database.
 */
@Component
public class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    private final Path dump;
    private final String url;
    private final String user;
    private final String password;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean restored;

    DatabaseRestore(
            @Value("${intake.data-dir}") Path dataDir,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        this.dump = dataDir.resolve("restore").resolve("database.dump");
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Restores the dump {@code bin/restore} left, if any, into the (empty) database. */
    void restoreIfPending(DataSource dataSource) {
        if (Files.isRegularFile(dump)) {
            restore(dataSource);
        }
    }

    /** True when this start restored a dump: the indices hold nothing of it yet. */
    public boolean restoredAtStart() {
        return restored;
    }

    private void restore(DataSource dataSource) {
        if (!empty(dataSource)) {
            throw new IllegalStateException("A backup waits to be restored in " + dump + ", but the database " + url
                    + " is not empty: restore into an empty database, or remove the dump");
        }
        List<String> command = new ArrayList<>(List.of(
                pgRestore().toString(),
                "--no-owner",
                "--exit-on-error",
                "--dbname=" + url.substring("jdbc:".length())));
        if (!user.isEmpty()) {
            command.add("--username=" + user);
        }
        command.add(dump.toString());
        log.info("Restoring the database from {}", dump);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_restore of " + dump + " failed: " + output.strip());
            }
            Files.move(dump, dump.resolveSibling("database.dump.restored-" + clock.millis()));
            restored = true;
            log.info("Database restored from {}; the search indices are filled from it next", dump);
        } catch (IOException e) {
            throw new IllegalStateException("pg_restore could not be run for " + dump + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring " + dump, e);
        }
    }

    private static boolean empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
            tables.next();
            return tables.getInt(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look into the database before restoring: " + e.getMessage(), e);
        }
    }

    /** Debian's pg_restore (bin/setup installs postgresql-client), the newest if several. */
    private static Path pgRestore() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pg_restore");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> all = Files.list(versions)) {
                Optional<Path> newest = all.map(v -> v.resolve("bin/pg_restore"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparing(
                                p -> p.getParent().getParent().getFileName().toString()));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException(
                "No pg_restore to restore the backup with: bin/setup installs postgresql-client");
    }
}
