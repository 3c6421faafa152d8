package cn.dataelements.contest.support;

import cn.dataelements.contest.system.postgres.LocalPostgres;
import cn.dataelements.contest.system.postgres.LocalPostgresProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database on the real local PostgreSQL server of this test JVM, its schema made by the app's own Flyway
 * migrations: what a store's test runs against, as the app does. Each call makes a database of its own.
 */
public record TestDatabase(String url, DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {

    /** A new, migrated database. */
    public static TestDatabase fresh() {
        return upTo(null);
    }

    /** A new database migrated up to this version only, as an installation of that version has it. */
    public static TestDatabase upTo(String version) {
        LocalPostgres server = server();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(
                        server.jdbcUrl("postgres"), LocalPostgres.user(), server.password());
                var statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        String url = server.jdbcUrl(name);
        DataSource dataSource = new DriverManagerDataSource(url, LocalPostgres.user(), server.password());
        var flyway = Flyway.configure().dataSource(dataSource);
        (version == null ? flyway : flyway.target(version)).load().migrate();
        return new TestDatabase(
                url,
                dataSource,
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Runs the migrations this database has not had yet, as the app does when it starts after an upgrade. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    /** The JVM's server: the one the app in this JVM uses, or one of the test JVM's own. */
    public static LocalPostgres server() {
        return LocalPostgres.startShared(new LocalPostgresProperties(
                true,
                Path.of(System.getProperty("java.io.tmpdir"), "contest-intake-pg", "unit-test-data"),
                Path.of(System.getProperty("java.io.tmpdir"), "contest-intake-pg"),
                true,
                0,
                "contest",
                "contest-db",
                Duration.ofMinutes(2)));
    }
}
