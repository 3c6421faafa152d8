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
 * @param listsDir where imported watch lists are kept, one folder per list (default
 *     {@code ${intake.data-dir}/lists}, set in application.yml)
 * @param decisionsDir where the committee's decisions on findings are kept, as JSON lines (default
 *     {@code ${intake.data-dir}/decisions}, set in application.yml)
 */
@Validated
@ConfigurationProperties("intake.compliance")
public record ComplianceProperties(
        @DefaultValue("mappings") @NotNull Path dir,
        @DefaultValue("forbidden-words.txt") @NotBlank String forbiddenWords,
        @NotNull Path listsDir,
        @NotNull Path decisionsDir) {}
