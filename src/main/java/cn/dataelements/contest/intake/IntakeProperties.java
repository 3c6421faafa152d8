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
 * @param maxRedeliveries during an outage (Elasticsearch, the disk, the mail server), an item is tried again this many
 *     times within one poll, then left at its source for the next poll; outages are retried without limit (default 3)
 * @param redeliveryDelay the first wait before trying again; doubles each time (default 1s)
 * @param maxRedeliveryDelay the longest wait between tries (default 30s)
 * @param maxAttempts an item that fails for any other reason (a defect, not an outage) is tried this many times in
 *     all, across polls and restarts, then moved to quarantine with its last error in the ledger (default 5)
 * @param workers how many items of a poll are read at once (default 0: one per processor core)
 * @param workDir scratch space for unpacked attachments, emptied after each submission (default
 *     {@code ${intake.data-dir}/work})
 * @param maxWait a route whose oldest item waiting at its source has waited longer than this is DOWN in health
 *     (default 10m)
 */
@Validated
@ConfigurationProperties("intake.routes")
public record IntakeProperties(
        @DefaultValue("3") @Min(0) int maxRedeliveries,
        @DefaultValue("1s") @NotNull Duration redeliveryDelay,
        @DefaultValue("30s") @NotNull Duration maxRedeliveryDelay,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("0") @Min(0) int workers,
        @NotNull Path workDir,
        @DefaultValue("10m") @NotNull Duration maxWait) {

    public IntakeProperties {
        workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
