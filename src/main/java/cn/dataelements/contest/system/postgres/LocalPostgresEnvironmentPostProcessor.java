package cn.dataelements.contest.system.postgres;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the local PostgreSQL server before the application context exists, so the data source, Flyway and the stores
 * find it running, and points {@code spring.datasource.*} at it. Does nothing when {@code spring.datasource.url} is
 * set: then the app uses that database.
 */
public class LocalPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";

    private final Log log;

    public LocalPostgresEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(LocalPostgresEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(URL))) {
            log.info("Using the database at " + environment.getProperty(URL) + "; no local PostgreSQL started");
            return;
        }
        LocalPostgresProperties properties =
                Binder.get(environment).bindOrCreate(LocalPostgresProperties.PREFIX, LocalPostgresProperties.class);
        if (!properties.enabled()) {
            return;
        }
        String dataDir = environment.getProperty("intake.data-dir", "data");
        LocalPostgres server = LocalPostgres.startShared(withDefaults(properties, Path.of(dataDir)));
        log.info("Local PostgreSQL " + LocalPostgres.bundledVersion() + " is up at " + server.jdbcUrl());
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "localPostgres",
                        Map.of(
                                URL,
                                server.jdbcUrl(),
                                "spring.datasource.username",
                                LocalPostgres.USER,
                                "spring.datasource.password",
                                server.password())));
    }

    private static LocalPostgresProperties withDefaults(LocalPostgresProperties p, Path dataDir) {
        return new LocalPostgresProperties(
                true,
                (p.dataDir() != null ? p.dataDir() : dataDir.resolve("postgres")).toAbsolutePath(),
                p.binariesDir() != null
                        ? p.binariesDir()
                        : Path.of(System.getProperty("java.io.tmpdir"), "contest-intake-pg"),
                p.freshData(),
                p.port(),
                p.database(),
                p.runAsUser(),
                p.startTimeout());
    }
}
