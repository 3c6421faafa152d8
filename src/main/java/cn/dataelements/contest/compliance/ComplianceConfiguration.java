package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.CurrentCatalog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the compliance rules and word list as the context starts (an invalid file throws
 * {@link ComplianceConfigException}, which stops the application) and wires the checker. Until an
 * {@link EntryDirectory} bean exists, rules across entries see no other entries.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    ComplianceSettings complianceSettings(ComplianceProperties properties) {
        return ComplianceSettings.load(properties.dir(), properties.forbiddenWords());
    }

    @Bean
    WatchListStore watchListStore(JdbcClient db) {
        return new WatchListStore(db, Clock.systemUTC());
    }

    @Bean
    ComplianceChecker complianceChecker(
            CurrentCatalog catalog,
            ComplianceSettings settings,
            WatchListStore lists,
            ObjectProvider<EntryDirectory> directory) {
        return new ComplianceChecker(
                catalog.get().tracks(), settings, lists, directory.getIfAvailable(EntryDirectory::none));
    }
}
