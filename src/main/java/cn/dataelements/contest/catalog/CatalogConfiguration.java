package cn.dataelements.contest.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the catalog once, as the context starts: an invalid file throws {@link CatalogException}, which stops the
 * application before any route takes anything in.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog(CatalogProperties properties) {
        return CatalogLoader.load(properties.dir());
    }

    @Bean
    TrackCatalog trackCatalog(Catalog catalog) {
        return catalog.tracks();
    }

    @Bean
    MaterialClassifier materialClassifier(Catalog catalog) {
        return catalog.materials();
    }
}
