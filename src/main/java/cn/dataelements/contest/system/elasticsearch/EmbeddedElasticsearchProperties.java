package cn.dataelements.contest.system.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local Elasticsearch node that the app starts when {@code spring.elasticsearch.uris} is not set (prefix
 * {@code intake.elasticsearch.embedded}). Bound by hand in an environment post-processor, because the node must be up
 * before any bean that talks to it exists.
 *
 * @param enabled start a local node when no {@code spring.elasticsearch.uris} is given (default true)
 * @param distribution the unpacked distribution the build puts under {@code target/elasticsearch/} (default: that
 *     folder for the version this build was made with)
 * @param workDir where node homes, data and logs live; outside any home folder so an unprivileged user can reach it
 *     (default {@code ${java.io.tmpdir}/contest-intake-es})
 * @param instance name of this node's folder; tests use {@code test}, the local run {@code local} (default local)
 * @param freshData wipe the node's data before it starts (tests: true; default false)
 * @param heap the node's JVM heap (default 512m)
 * @param startTimeout how long to wait for a yellow cluster (default 3 minutes)
 * @param runAsUser the unprivileged account the node runs as when this JVM is root, created if missing (default
 *     contest-es)
 * @param maxContentLength the largest request the node takes ({@code http.max_content_length}; default 100mb, the
 *     node's own default): a larger submission document is refused with 413 and indexed without its largest texts
 */
public record EmbeddedElasticsearchProperties(
        @DefaultValue("true") boolean enabled,
        Path distribution,
        Path workDir,
        @DefaultValue("local") String instance,
        @DefaultValue("false") boolean freshData,
        @DefaultValue("512m") String heap,
        @DefaultValue("3m") Duration startTimeout,
        @DefaultValue("contest-es") String runAsUser,
        @DefaultValue("100mb") String maxContentLength) {

    static final String PREFIX = "intake.elasticsearch.embedded";
}
