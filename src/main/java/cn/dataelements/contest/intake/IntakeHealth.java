package cn.dataelements.contest.intake;

import cn.dataelements.contest.system.postgres.BoundedRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the intake routes, shown under {@code intake} in {@code /actuator/health}. A route is DOWN while its last
 * poll failed (login refused, server unreachable, folder missing: told by the consumer's poll strategy, not by items),
 * while its items meet an outage, or while the oldest item waiting at its source has waited longer than
 * {@code intake.routes.max-wait}, each with the reason. Beside that it shows, per route, the last item taken in, what
 * waits, the failures in a row and the items given up on. Answers from memory, at once.
 */
@Component("intake")
public class IntakeHealth implements HealthIndicator {

    private static final Duration DATABASE_TIMEOUT = Duration.ofMillis(1500);

    private final Map<String, RouteHealth> routes = new ConcurrentHashMap<>();
    private final IntakeAttempts attempts;
    private final Duration maxWait;
    private final Clock clock = Clock.systemUTC();

    IntakeHealth(IntakeAttempts attempts, IntakeProperties properties) {
        this.attempts = attempts;
        this.maxWait = properties.maxWait();
    }

    /** A poll of the route's source worked (it may have found nothing). */
    public void pollSucceeded(String route) {
        update(route, h -> h.withPoll(new RouteHealth.Check(false, clock.instant(), null)));
    }

    /** A poll of the route's source failed before any item: the source cannot be read. */
    public void pollFailed(String route, String reason) {
        update(
                route,
                h -> h.poll() != null && h.poll().failing() && h.poll().reason().equals(reason)
                        ? h
                        : h.withPoll(new RouteHealth.Check(true, clock.instant(), reason)));
    }

    /** What waits at the route's source now: how many items, and the channel's time of the oldest (null: none). */
    public void waiting(String route, int count, Instant oldest) {
        update(route, h -> h.withWaiting(count, count > 0 ? oldest : null));
    }

    /** An item was taken in (or found taken in before): the route's outage, if any, is over. */
    public void itemSucceeded(String route) {
        update(route, h -> h.withItemOver(clock.instant(), true));
    }

    /** An item was quarantined: it no longer holds anything up. */
    public void itemQuarantined(String route) {
        update(route, h -> h.withItemOver(clock.instant(), false));
    }

    /** An item failed for a reason of its own and is left for the next poll, its attempts counted. */
    public void itemFailed(String route, String reason) {
        update(route, h -> h.withFailure(reason));
    }

    /** An item met an outage and was left at its source. */
    public void outage(String route, String reason) {
        update(
                route,
                h -> h.withFailure(reason)
                        .withOutage(new RouteHealth.Check(
                                true,
                                h.outage() != null && h.outage().failing()
                                        ? h.outage().since()
                                        : clock.instant(),
                                reason)));
    }

    /**
     * The route as health sees it; {@link RouteHealth#NONE} before its first poll. Its items given up on are read
     * within {@link #DATABASE_TIMEOUT}; without an answer, none are listed.
     */
    public RouteHealth of(String route) {
        return of(route, skipped());
    }

    /** Why the route is DOWN now, one reason a line; empty while it is not. */
    public List<String> downReasons(String route) {
        BoundedRead.Answer<Map<String, List<IntakeAttempts.Skipped>>> skipped = skipped();
        return downReasons(of(route, skipped), skipped, clock.instant());
    }

    private RouteHealth of(String route, BoundedRead.Answer<Map<String, List<IntakeAttempts.Skipped>>> skipped) {
        return routes.getOrDefault(route, RouteHealth.NONE)
                .withSkipped(skipped.value()
                        .map(m -> m.getOrDefault(route, List.of()))
                        .orElse(List.of()));
    }

    /** The route's reasons to be DOWN; a database without an answer is one, since no item can be taken in. */
    private List<String> downReasons(
            RouteHealth h, BoundedRead.Answer<Map<String, List<IntakeAttempts.Skipped>>> skipped, Instant now) {
        List<String> reasons = new java.util.ArrayList<>(h.downReasons(now, maxWait));
        if (skipped.value().isEmpty()) {
            reasons.add("database: " + skipped.failure());
        }
        return reasons;
    }

    private BoundedRead.Answer<Map<String, List<IntakeAttempts.Skipped>>> skipped() {
        return BoundedRead.within(DATABASE_TIMEOUT, attempts::skippedByRoute);
    }

    /** The routes health has heard of since the start. */
    public java.util.Set<String> routes() {
        return java.util.Set.copyOf(routes.keySet());
    }

    /** The age past which a waiting item makes its route DOWN. */
    public Duration maxWait() {
        return maxWait;
    }

    /** The route was removed: its failures no longer count. */
    public void forget(String route) {
        routes.remove(route);
    }

    /**
     * Answers in time whatever the database does: the items given up on are read within {@link #DATABASE_TIMEOUT};
     * without an answer, every route is DOWN, since none can take an item in without the database.
     */
    @Override
    public Health health() {
        Instant now = clock.instant();
        BoundedRead.Answer<Map<String, List<IntakeAttempts.Skipped>>> skipped = skipped();
        Map<String, Map<String, Object>> details = new TreeMap<>();
        boolean down = false;
        for (String route : routes.keySet()) {
            RouteHealth h = of(route, skipped);
            List<String> reasons = downReasons(h, skipped, now);
            down |= !reasons.isEmpty();
            details.put(route, details(h, reasons, now));
        }
        Health.Builder builder = down ? Health.down() : Health.up();
        details.forEach(builder::withDetail);
        return builder.build();
    }

    private static Map<String, Object> details(RouteHealth h, List<String> reasons, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", reasons.isEmpty() ? "UP" : "DOWN");
        if (!reasons.isEmpty()) {
            details.put("reasons", reasons);
        }
        if (h.poll() != null) {
            details.put(
                    "poll",
                    h.poll().failing()
                            ? "FAILING since " + h.poll().since()
                            : "OK at " + h.poll().since());
        }
        details.put("lastTaken", h.lastTaken() == null ? "never" : h.lastTaken().toString());
        if (h.waiting() >= 0) {
            details.put("waiting", h.waiting());
        }
        if (h.oldestWaiting() != null) {
            details.put("oldestWaitingMinutes", h.oldestWait(now).toMinutes());
        }
        details.put("consecutiveFailures", h.consecutiveFailures());
        if (h.consecutiveFailures() > 0) {
            details.put("lastFailure", h.lastFailure());
        }
        if (!h.skipped().isEmpty()) {
            details.put(
                    "skipped",
                    h.skipped().stream()
                            .map(s -> s.item() + " since " + s.since() + ": " + s.reason())
                            .toList());
        }
        return details;
    }

    private void update(String route, java.util.function.UnaryOperator<RouteHealth> change) {
        routes.compute(route, (r, before) -> change.apply(before == null ? RouteHealth.NONE : before));
    }
}
