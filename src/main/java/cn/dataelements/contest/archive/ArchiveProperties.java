package cn.dataelements.contest.archive;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where received submissions are kept as received (prefix {@code intake.archive}).
 *
 * @param dir the archive folder: {@code <sha[0:2]>/<sha>.raw} plus {@code <sha>.json} sidecars (default
 *     {@code ${intake.data-dir}/archive})
 */
@Validated
@ConfigurationProperties("intake.archive")
public record ArchiveProperties(@NotNull Path dir) {}
