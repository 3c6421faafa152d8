package cn.dataelements.contest.intake;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What every intake route shares (prefix {@code intake.routes}).
 *
 * @param maxRedeliveries transient failures are tried again this many times within one poll (default 3)
 * @param redeliveryDelay the first wait before trying again; doubles each time (default 1s)
 * @param maxRedeliveryDelay the longest wait between tries (default 30s)
 * @param workDir scratch space for unpacked attachments, emptied after each submission (default
 *     {@code ${intake.data-dir}/work})
 */
@Validated
@ConfigurationProperties("intake.routes")
public record IntakeProperties(
        @DefaultValue("3") @Min(0) int maxRedeliveries,
        @DefaultValue("1s") @NotNull Duration redeliveryDelay,
        @DefaultValue("30s") @NotNull Duration maxRedeliveryDelay,
        @NotNull Path workDir) {}
