package cn.dataelements.contest.catalog;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the track catalog is read from (prefix {@code intake.catalog}).
 *
 * @param dir the folder holding tracks.yaml, form-sections.yaml and materials.yaml, relative to the working
 *     directory or absolute (default mappings)
 */
@Validated
@ConfigurationProperties("intake.catalog")
public record CatalogProperties(
        @DefaultValue("mappings") @NotNull Path dir) {}
