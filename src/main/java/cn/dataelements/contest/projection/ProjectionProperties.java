package cn.dataelements.contest.projection;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the indices follow the database (prefix {@code intake.projection}).
 *
 * @param catchUpEvery how often the background gives the index what the commits left queued (default 2s)
 * @param maxLag the health turns DOWN when something committed has waited this long for the index (default 2m): the
 *     search shows an older state than the database
 */
@Validated
@ConfigurationProperties("intake.projection")
public record ProjectionProperties(
        @DefaultValue("2s") @NotNull Duration catchUpEvery,
        @DefaultValue("2m") @NotNull Duration maxLag) {}
