package cn.dataelements.contest.intake;

import cn.dataelements.contest.submission.PermanentIntakeException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error handling every intake route template uses (route configuration {@value #ID}). Content that cannot be
 * handled goes to quarantine and the batch goes on; anything else is transient: redelivered with exponential
 * backoff, then left at the source (the exchange fails, so a mail stays in the inbox) and shown in health.
 */
@Component
public class IntakeErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "intake-errors";

    private final IntakeProperties properties;

    IntakeErrorHandling(IntakeProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(PermanentIntakeException.class)
                .handled(true)
                .bean(IntakeFailures.class, "quarantine")
                .end()
                .onException(Exception.class)
                .maximumRedeliveries(properties.maxRedeliveries())
                .redeliveryDelay(properties.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(properties.maxRedeliveryDelay().toMillis())
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .handled(false)
                .bean(IntakeFailures.class, "leaveForRetry")
                .end();
    }
}
