package cn.dataelements.contest.system.postgres;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local PostgreSQL server the app starts when {@code spring.datasource.url} is not set (prefix
 * {@code intake.postgres.embedded}). Bound by hand in an environment post-processor: the server must be up before the
 * data source, Flyway and every store exist.
 *
 * @param enabled start a local server when no {@code spring.datasource.url} is given (default true)
 * @param dataDir the server's data folder, kept between runs (default {@code ${intake.data-dir}/postgres}); its
 *     password is kept beside it in {@code <dataDir>.password}, readable by its owner only, and its log in
 *     {@code <dataDir>.log}
 * @param binariesDir where the bundled binaries are unpacked (default {@code ${java.io.tmpdir}/contest-intake-pg})
 * @param freshData wipe the data folder before the server starts (tests: true; default false)
 * @param port the server's port on 127.0.0.1, or 0 for a free one at each start (default 0)
 * @param database the database the app uses (default contest)
 * @param runAsUser the unprivileged account the server runs as when this JVM is root, created if missing (default
 *     contest-db)
 * @param startTimeout how long to wait for the server to take connections (default 2 minutes)
 */
public record LocalPostgresProperties(
        @DefaultValue("true") boolean enabled,
        Path dataDir,
        Path binariesDir,
        @DefaultValue("false") boolean freshData,
        @DefaultValue("0") int port,
        @DefaultValue("contest") String database,
        @DefaultValue("contest-db") String runAsUser,
        @DefaultValue("2m") Duration startTimeout) {

    static final String PREFIX = "intake.postgres.embedded";
}
