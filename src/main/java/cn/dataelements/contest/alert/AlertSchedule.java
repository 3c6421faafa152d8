package cn.dataelements.contest.alert;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Evaluates the alert rules every {@code intake.alerts.evaluate-every}, on a thread of its own. */
@Component
class AlertSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    private final Alerts alerts;
    private final AlertProperties properties;
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledExecutorService executor;

    AlertSchedule(Alerts alerts, AlertProperties properties) {
        this.alerts = alerts;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        long every = properties.evaluateEvery().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alerts"));
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        alerts.evaluate(clock.instant());
                    } catch (RuntimeException e) {
                        log.warn("Alert rules could not be evaluated: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
