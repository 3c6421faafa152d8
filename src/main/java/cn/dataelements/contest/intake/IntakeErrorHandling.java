package cn.dataelements.contest.intake;

import cn.dataelements.contest.intake.IntakeFailures.Kind;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error handling every intake route template uses (route configuration {@value #ID}), by why an item failed
 * ({@link IntakeFailures}): content that cannot be handled goes to quarantine and the batch goes on; an outage is
 * redelivered with exponential backoff, then left at the source (the exchange fails, so a mail stays in the inbox)
 * and shown in health; any other failure is counted per item and left for the next poll, until its last allowed
 * attempt sends it to quarantine.
 */
@Component
public class IntakeErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "intake-errors";

    private final IntakeProperties properties;
    private final IntakeFailures failures;

    IntakeErrorHandling(IntakeProperties properties, IntakeFailures failures) {
        this.properties = properties;
        this.failures = failures;
    }

    @Override
    public void configuration() {
        // Every clause is for Exception: the first whose onWhen holds, in this order, handles the failure.
        routeConfiguration(ID)
                .onException(Exception.class)
                .onWhen(exchange -> failures.is(exchange, Kind.PERMANENT))
                .handled(true)
                .bean(failures, "quarantine")
                .end()
                .onException(Exception.class)
                .onWhen(exchange -> failures.is(exchange, Kind.OUTAGE))
                .maximumRedeliveries(properties.maxRedeliveries())
                .redeliveryDelay(properties.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(properties.maxRedeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(false)
                .bean(failures, "leaveForRetry")
                .end()
                .onException(Exception.class)
                .onWhen(failures::lastAttempt)
                .handled(true)
                .bean(failures, "quarantineAfterAttempts")
                .end()
                .onException(Exception.class)
                .handled(false)
                .bean(failures, "countAttempt")
                .end();
    }
}
