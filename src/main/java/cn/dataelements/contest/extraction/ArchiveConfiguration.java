package cn.dataelements.contest.extraction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires archive expansion and applies {@link OoxmlSafety} as the context starts, before any route can hand a
 * document to POI.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    ArchiveConfiguration() {
        OoxmlSafety.apply();
    }

    @Bean
    ArchiveExpander archiveExpander() {
        return new ArchiveExpander(ArchiveLimits.defaults());
    }
}
