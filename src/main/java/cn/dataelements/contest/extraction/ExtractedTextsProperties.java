package cn.dataelements.contest.extraction;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the text extracted from each received file is kept for reuse (prefix {@code intake.extracted}).
 *
 * @param dir the folder, beside the archive (default {@code ${intake.data-dir}/extracted}); it can be deleted at any
 *     time, and is then filled again as files are read
 * @param reuse whether a file read before is taken from there instead of being extracted again (default true)
 */
@Validated
@ConfigurationProperties("intake.extracted")
public record ExtractedTextsProperties(
        @NotNull Path dir, @DefaultValue("true") boolean reuse) {}
