package cn.dataelements.contest.index;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the index definitions are and how indices are named (prefix {@code intake.index}).
 *
 * @param prefix the start of every alias and index name, so several installations can share a cluster (default
 *     contest)
 * @param definitions the folder of {@code <name>.index.json} files: settings and mappings of each index (default
 *     mappings/elasticsearch)
 */
@Validated
@ConfigurationProperties("intake.index")
public record IndexProperties(
        @DefaultValue("contest") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]*")
        String prefix,

        @DefaultValue("mappings/elasticsearch") @NotNull Path definitions) {

    /** The alias people search for an index definition name, e.g. contest-submissions. */
    public String alias(String name) {
        return prefix + "-" + name;
    }

    /**
     * The alias the pipeline writes and looks up, e.g. contest-submissions-write: the same index as {@link #alias}
     * but while a new index is being filled, when it is the new one.
     */
    public String writeAlias(String name) {
        return alias(name) + "-write";
    }
}
