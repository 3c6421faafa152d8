package cn.dataelements.contest.projection;

import cn.dataelements.contest.index.ProjectionQueue;
import cn.dataelements.contest.system.postgres.BoundedRead;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the search indices are behind the database, in {@code /actuator/health}: UP while what was committed
 * reaches the index within {@code intake.projection.max-lag}; DOWN, with how much waits and since when, once something
 * waits longer (the index is down, or refuses a document: {@code failing} counts those tried without success).
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final ProjectionQueue queue;
    private final Duration maxLag;
    private final Clock clock = Clock.systemUTC();

    ProjectionHealth(ProjectionQueue queue, ProjectionProperties properties) {
        this.queue = queue;
        this.maxLag = properties.maxLag();
    }

    @Override
    public Health health() {
        BoundedRead.Answer<ProjectionQueue.Lag> read = BoundedRead.within(TIMEOUT, queue::lag);
        if (read.value().isEmpty()) {
            return Health.unknown().withDetail("reason", read.failure()).build();
        }
        ProjectionQueue.Lag lag = read.value().get();
        Duration behind =
                lag.oldest().map(o -> Duration.between(o, clock.instant())).orElse(Duration.ZERO);
        Health.Builder health = behind.compareTo(maxLag) > 0 ? Health.down() : Health.up();
        return health.withDetail("waiting", lag.waiting())
                .withDetail("failing", lag.failing())
                .withDetail("oldestWaitingSeconds", behind.toSeconds())
                .build();
    }
}
