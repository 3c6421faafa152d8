package cn.dataelements.contest.system.elasticsearch;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the local Elasticsearch node before the application context exists, so that it is healthy before any bean
 * that talks to it is created, and points {@code spring.elasticsearch.uris} at it. Does nothing when
 * {@code spring.elasticsearch.uris} is set: then the app uses that cluster.
 */
public class EmbeddedElasticsearchEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String URIS = "spring.elasticsearch.uris";

    private final Log log;

    public EmbeddedElasticsearchEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedElasticsearchEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(URIS))) {
            log.info("Using the Elasticsearch cluster at " + environment.getProperty(URIS) + "; no local node started");
            return;
        }
        EmbeddedElasticsearchProperties properties = Binder.get(environment)
                .bindOrCreate(EmbeddedElasticsearchProperties.PREFIX, EmbeddedElasticsearchProperties.class);
        if (!properties.enabled()) {
            return;
        }
        EmbeddedElasticsearch node = EmbeddedElasticsearch.startShared(withDefaults(properties));
        log.info("Local Elasticsearch node " + EmbeddedElasticsearch.bundledVersion() + " is up at " + node.uri()
                + " (instance " + properties.instance() + ")");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "embeddedElasticsearch", Map.of(URIS, node.uri().toString())));
    }

    private static EmbeddedElasticsearchProperties withDefaults(EmbeddedElasticsearchProperties p) {
        Path distribution = p.distribution() != null
                ? p.distribution()
                : Path.of("target", "elasticsearch", "elasticsearch-" + EmbeddedElasticsearch.bundledVersion());
        Path workDir =
                p.workDir() != null ? p.workDir() : Path.of(System.getProperty("java.io.tmpdir"), "contest-intake-es");
        return new EmbeddedElasticsearchProperties(
                true,
                distribution.toAbsolutePath(),
                workDir,
                p.instance(),
                p.freshData(),
                p.heap(),
                p.startTimeout(),
                p.runAsUser(),
                p.maxContentLength());
    }
}
