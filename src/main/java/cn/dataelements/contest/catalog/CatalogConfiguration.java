package cn.dataelements.contest.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the catalog as the context starts: an invalid file throws {@link CatalogException}, which stops the
 * application before any route takes anything in. Users read it through {@link CurrentCatalog#get()} at each use, so
 * a re-run's reload reaches them.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CurrentCatalog currentCatalog(CatalogProperties properties) {
        return CurrentCatalog.loadFrom(properties.dir());
    }
}
