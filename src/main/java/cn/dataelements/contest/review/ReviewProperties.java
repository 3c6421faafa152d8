package cn.dataelements.contest.review;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The review's configuration (prefix {@code intake.review}).
 *
 * @param plan the rounds and their criteria (default {@code mappings/review.yaml}), validated at start-up
 * @param dir where the review's files are kept: objection evidence and packet batches; its records are in the database (default
 *     {@code ${intake.data-dir}/review}, set in application.yml)
 * @param font the TrueType font or collection the packets' PDF embeds for Chinese (default Debian's
 *     {@code fonts-wqy-microhei}, installed by {@code bin/setup} and the Dockerfile)
 * @param noticeDays how long the award list is on public notice, in days (default 5, the guide's section 五)
 * @param evidenceMaxSize the largest evidence file an objection takes (default 50MB); the multipart limit of the
 *     pages follows it
 */
@Validated
@ConfigurationProperties("intake.review")
public record ReviewProperties(
        @DefaultValue("mappings/review.yaml") @NotNull Path plan,
        @NotNull Path dir,

        @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") @NotNull
        Path font,

        @DefaultValue("5") @Min(1) int noticeDays,
        @DefaultValue("50MB") @NotNull DataSize evidenceMaxSize) {}
