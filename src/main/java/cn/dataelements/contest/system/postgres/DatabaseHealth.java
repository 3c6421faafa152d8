package cn.dataelements.contest.system.postgres;

import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database in {@code /actuator/health}, answered within {@link #TIMEOUT} whatever the database does: DOWN with the
 * reason when it does not answer, instead of holding the health endpoint for the connection pool's timeout. Replaces
 * Spring Boot's own indicator ({@code management.health.db.enabled=false}).
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final JdbcClient db;

    DatabaseHealth(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Health health() {
        BoundedRead.Answer<String> version = BoundedRead.within(
                TIMEOUT,
                () -> db.sql("select current_setting('server_version')")
                        .query(String.class)
                        .single());
        return version.value()
                .map(v -> Health.up().withDetail("version", v).build())
                .orElseGet(() ->
                        Health.down().withDetail("reason", version.failure()).build());
    }
}
