package cn.dataelements.contest.intake;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the intake routes back while the database is not ready for new items (after an upgrade, until the archive is
 * re-run into it, so a new mail finds the team it belongs to). Open unless something closed it, with its reason.
 */
@Component
public class IntakeGate {

    private static final Logger log = LoggerFactory.getLogger(IntakeGate.class);

    private volatile String closedBecause;

    public void close(String reason) {
        closedBecause = reason;
        log.info("Intake routes wait: {}", reason);
    }

    public void open() {
        if (closedBecause != null) {
            log.info("Intake routes may start: {} is done", closedBecause);
        }
        closedBecause = null;
    }

    /** Why the routes wait, or empty when they may run. */
    public Optional<String> closed() {
        return Optional.ofNullable(closedBecause);
    }
}
