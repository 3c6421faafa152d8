package cn.dataelements.contest.intake;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the intake routes: a route whose latest item failed transiently (and was left at its source) is DOWN
 * until an item goes through again. Shown under {@code intake} in {@code /actuator/health}.
 */
@Component("intake")
public class IntakeHealth implements HealthIndicator {

    private record State(boolean failing, Instant at, String reason) {}

    private final Map<String, State> routes = new ConcurrentHashMap<>();

    void failed(String route, String reason) {
        routes.put(route, new State(true, Instant.now(), reason));
    }

    public void succeeded(String route) {
        routes.put(route, new State(false, Instant.now(), ""));
    }

    @Override
    public Health health() {
        Health.Builder builder = routes.values().stream().anyMatch(State::failing) ? Health.down() : Health.up();
        routes.forEach((route, state) -> builder.withDetail(
                route,
                state.failing()
                        ? Map.of("status", "FAILING", "since", state.at().toString(), "reason", state.reason())
                        : Map.of("status", "OK", "lastItem", state.at().toString())));
        return builder.build();
    }
}
