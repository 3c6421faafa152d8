package cn.dataelements.contest.intake;

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

    /** The route as health sees it; {@link RouteHealth#NONE} before its first poll. */
    public RouteHealth of(String route) {
        return routes.getOrDefault(route, RouteHealth.NONE).withSkipped(attempts.skipped(route));
    }

    /** Why the route is DOWN now, one reason a line; empty while it is not. */
    public List<String> downReasons(String route) {
        return of(route).downReasons(clock.instant(), maxWait);
    }

    /** The age past which a waiting item makes its route DOWN. */
    public Duration maxWait() {
        return maxWait;
    }

    /** The route was removed: its failures no longer count. */
    public void forget(String route) {
        routes.remove(route);
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, Map<String, Object>> details = new TreeMap<>();
        boolean down = false;
        for (String route : routes.keySet()) {
            RouteHealth h = of(route);
            List<String> reasons = h.downReasons(now, maxWait);
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
