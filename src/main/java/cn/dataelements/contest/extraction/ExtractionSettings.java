package cn.dataelements.contest.extraction;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How document extraction runs, bound from {@code intake.extraction.*}. Each child JVM parses one document at a time
 * with its own heap, so the application's heap does not grow with the documents it reads.
 *
 * @param timeout how long one document may take before its child JVM is killed and replaced; default {@code 60s}
 * @param childMaxHeap the child JVM's {@code -Xmx}, e.g. {@code 512m} (default) or {@code 1g}
 * @param maxTextChars text beyond this many characters is cut and the extraction marked truncated; default 2,000,000
 * @param tempDir where the children keep their temporary files ({@code -Djava.io.tmpdir}); default
 *     {@code ${java.io.tmpdir}/contest-extraction}
 * @param poolSize how many child JVMs may parse at once; default 0: one per processor core
 */
@Validated
@ConfigurationProperties("intake.extraction")
public record ExtractionSettings(
        @NotNull @DefaultValue("60s") Duration timeout,

        @NotNull @Pattern(regexp = "[1-9][0-9]*[kKmMgG]?") @DefaultValue("512m")
        String childMaxHeap,

        @Min(1) @DefaultValue("2000000") int maxTextChars,
        Path tempDir,
        @Min(0) @DefaultValue("0") int poolSize) {

    public ExtractionSettings {
        if (poolSize < 1) {
            poolSize = Runtime.getRuntime().availableProcessors();
        }
        if (tempDir == null) {
            tempDir = Path.of(System.getProperty("java.io.tmpdir"), "contest-extraction");
        }
    }
}
