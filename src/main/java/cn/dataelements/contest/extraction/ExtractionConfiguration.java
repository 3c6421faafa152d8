package cn.dataelements.contest.extraction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires archive expansion and out-of-process document extraction, and applies {@link OoxmlSafety} as the context
 * starts, before any route can hand a document to POI.
 */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    ExtractionConfiguration() {
        OoxmlSafety.apply();
    }

    @Bean
    ArchiveExpander archiveExpander(ArchiveProperties properties) {
        return new ArchiveExpander(properties.limits());
    }

    /** Closed with the context, which stops its child JVMs. */
    @Bean
    DocumentExtractor documentExtractor(ExtractionSettings settings) {
        return new ForkedTikaExtractor(settings);
    }
}
