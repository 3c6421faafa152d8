package cn.dataelements.contest.extraction;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How far archive expansion goes for one mailed archive, bound from {@code intake.extraction.archive.*}: raise them
 * when teams legitimately send more (a video in a zip), without a new build. See {@link ArchiveLimits}.
 *
 * @param maxDepth archive levels opened; the mailed archive is level 1 (default 3)
 * @param maxEntries files written across all levels (default 2000)
 * @param maxTotalSize bytes written across all levels (default 2GB)
 * @param maxEntrySize bytes written for any one file (default 512MB)
 * @param maxCompressionRatio written bytes per compressed byte above which data is treated as a zip bomb (default 100)
 * @param externalTimeout how long {@code bsdtar} may run for one RAR archive (default 5m)
 */
@Validated
@ConfigurationProperties("intake.extraction.archive")
public record ArchiveProperties(
        @Min(1) @DefaultValue("3") int maxDepth,
        @Min(1) @DefaultValue("2000") int maxEntries,
        @NotNull @DefaultValue("2GB") DataSize maxTotalSize,
        @NotNull @DefaultValue("512MB") DataSize maxEntrySize,
        @DecimalMin("1") @DefaultValue("100") double maxCompressionRatio,
        @NotNull @DefaultValue("5m") Duration externalTimeout) {

    public ArchiveLimits limits() {
        return new ArchiveLimits(
                maxDepth,
                maxEntries,
                maxTotalSize.toBytes(),
                maxEntrySize.toBytes(),
                maxCompressionRatio,
                externalTimeout);
    }
}
