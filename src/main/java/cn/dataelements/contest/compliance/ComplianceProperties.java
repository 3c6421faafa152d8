package cn.dataelements.contest.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The compliance pre-check's configuration (prefix {@code intake.compliance}).
 *
 * @param dir the folder holding compliance.yaml and the forbidden-word list, relative to the working directory or
 *     absolute (default {@code mappings})
 * @param forbiddenWords the forbidden-word list's file name in {@code dir}: UTF-8, one word a line, {@code #} comments
 *     (default {@code forbidden-words.txt})
 */
@Validated
@ConfigurationProperties("intake.compliance")
public record ComplianceProperties(
        @DefaultValue("mappings") @NotNull Path dir,
        @DefaultValue("forbidden-words.txt") @NotBlank String forbiddenWords) {}
