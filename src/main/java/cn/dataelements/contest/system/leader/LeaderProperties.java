package cn.dataelements.contest.system.leader;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which instance runs the intake routes (prefix {@code intake.leader}).
 *
 * @param lock the name the instances sharing one database compete for: one of those naming the same lock runs the
 *     routes (default intake-routes). Instances that must each run their own routes (separate contests on one
 *     database) name different locks.
 * @param timeToLive a leader that stops renewing its lock (killed, frozen, cut off from the database) loses it after
 *     this long, and another instance takes the routes (default 10s)
 */
@Validated
@ConfigurationProperties("intake.leader")
public record LeaderProperties(
        @DefaultValue("intake-routes") @NotBlank String lock,
        @DefaultValue("10s") @NotNull Duration timeToLive) {}
