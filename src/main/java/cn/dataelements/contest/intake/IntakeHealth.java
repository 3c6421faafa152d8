package cn.dataelements.contest.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the intake routes, shown under {@code intake} in {@code /actuator/health}. A route is DOWN while its last
 * poll failed (login refused, server unreachable, folder missing: told by the consumer's poll strategy, not by items)
 * or while its items meet an outage (left at the source to be retried), each with the reason; UP again once a poll
 * and an item go through. Answers from memory, at once.
 */
@Component("intake")
public class IntakeHealth implements HealthIndicator {

    private record State(boolean failing, Instant since, String reason) {

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", failing ? "FAILING" : "OK");
            details.put(failing ? "since" : "last", since.toString());
            if (failing) {
                details.put("reason", reason);
            }
            return details;
        }
    }

    private final Map<String, State> polls = new ConcurrentHashMap<>();
    private final Map<String, State> items = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** A poll of the route's source worked (it may have found nothing). */
    public void pollSucceeded(String route) {
        polls.put(route, new State(false, clock.instant(), ""));
    }

    /** A poll of the route's source failed before any item: the source cannot be read. */
    public void pollFailed(String route, String reason) {
        polls.compute(
                route,
                (r, before) ->
                        before != null && before.failing() && before.reason().equals(reason)
                                ? before
                                : new State(true, clock.instant(), reason));
    }

    /** An item went through (or was quarantined): the route's outage, if any, is over. */
    public void itemSucceeded(String route) {
        items.put(route, new State(false, clock.instant(), ""));
    }

    /** An item met an outage and was left at its source. */
    public void outage(String route, String reason) {
        items.compute(
                route,
                (r, before) -> before != null && before.failing()
                        ? new State(true, before.since(), reason)
                        : new State(true, clock.instant(), reason));
    }

    /** The route's last poll and item, as health shows them; empty before its first poll. */
    public Map<String, Object> outcome(String route) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        State poll = polls.get(route);
        State item = items.get(route);
        if (poll != null) {
            outcome.put("poll", poll.details());
        }
        if (item != null) {
            outcome.put("items", item.details());
        }
        return outcome;
    }

    /** The route was removed: its failures no longer count. */
    public void forget(String route) {
        polls.remove(route);
        items.remove(route);
    }

    @Override
    public Health health() {
        boolean down = polls.values().stream().anyMatch(State::failing)
                || items.values().stream().anyMatch(State::failing);
        Health.Builder builder = down ? Health.down() : Health.up();
        Map<String, Map<String, Object>> routes = new java.util.TreeMap<>();
        polls.forEach((route, state) ->
                routes.computeIfAbsent(route, r -> new LinkedHashMap<>()).put("poll", state.details()));
        items.forEach((route, state) ->
                routes.computeIfAbsent(route, r -> new LinkedHashMap<>()).put("items", state.details()));
        routes.forEach(builder::withDetail);
        return builder.build();
    }
}
