package cn.dataelements.contest.entry;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the version numbers given to submissions are kept (prefix {@code intake.versions}).
 *
 * @param dir the folder of {@code versions.jsonl} (default {@code ${intake.data-dir}/versions}, set in application.yml)
 */
@Validated
@ConfigurationProperties("intake.versions")
public record VersionNumbersProperties(@NotNull Path dir) {}
