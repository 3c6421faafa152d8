package cn.dataelements.contest.entry;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The current stage of the contest (prefix {@code intake.stage}).
 *
 * @param deadline the stage deadline in Beijing time, e.g. {@code 2024-08-15T17:00}; versions received after it are
 *     kept and flagged late, and the last version before it is current (default: none, every version counts)
 * @param zone the zone the deadline is written in (default Asia/Shanghai)
 */
@Validated
@ConfigurationProperties("intake.stage")
public record EntryProperties(
        LocalDateTime deadline,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The deadline as an instant, if the stage has one. */
    public Optional<java.time.Instant> deadlineInstant() {
        return Optional.ofNullable(deadline).map(d -> d.atZone(zone).toInstant());
    }
}
