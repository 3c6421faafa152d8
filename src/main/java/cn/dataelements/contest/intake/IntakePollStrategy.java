package cn.dataelements.contest.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.springframework.stereotype.Component;

/**
 * The poll strategy of every intake route ({@code pollStrategy=#intakePollStrategy}): tells health whether the source
 * could be polled at all. camel-mail throws from its poll when the login is refused, the server cannot be reached or
 * the folder is missing, before any exchange exists, so this is where such a failure can be seen.
 */
@Component("intakePollStrategy")
class IntakePollStrategy implements PollingConsumerPollStrategy {

    private final IntakeHealth health;

    IntakePollStrategy(IntakeHealth health) {
        this.health = health;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        health.pollSucceeded(route(consumer));
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        // Camel logs the failure itself; health keeps it until a poll works again.
        health.pollFailed(route(consumer), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return false; // no immediate retry: the next poll comes after the route's delay
    }

    private static String route(Consumer consumer) {
        return consumer instanceof RouteIdAware aware && aware.getRouteId() != null ? aware.getRouteId() : "unknown";
    }
}
