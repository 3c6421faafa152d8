package cn.dataelements.contest.alert;

import cn.dataelements.contest.system.Periodic;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Evaluates the alert rules every {@code intake.alerts.evaluate-every}, on a thread of its own. */
@Component
class AlertSchedule implements SmartLifecycle {

    private final Alerts alerts;
    private final AlertProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Periodic periodic = new Periodic("alerts");

    AlertSchedule(Alerts alerts, AlertProperties properties) {
        this.alerts = alerts;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            periodic.start(properties.evaluateEvery(), () -> alerts.evaluate(clock.instant()));
        }
    }

    @Override
    public void stop() {
        periodic.stop();
    }

    @Override
    public boolean isRunning() {
        return periodic.running();
    }
}
