package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.CatalogProperties;
import cn.dataelements.contest.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

class ComplianceConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CatalogProperties.class, ComplianceProperties.class})
    @ComponentScan(
            basePackages = "cn.dataelements.contest.catalog",
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*CatalogConfiguration"))
    @Import(ComplianceConfiguration.class)
    static class ComplianceOnly {}

    @Test
    void theDefaultsGiveACheckerAndAnInvalidRulesFolderStopsTheContext() {
        JdbcClient database = TestDatabase.fresh().jdbc();
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(ComplianceOnly.class)
                .withBean(JdbcClient.class, () -> database);

        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ComplianceChecker.class);
            assertThat(context.getBean(ComplianceSettings.class).maxRepresentatives())
                    .isEqualTo(5);
        });
        runner.withPropertyValues("intake.compliance.dir=no-such-folder")
                .run(context -> assertThat(context).as("no compliance.yaml").hasFailed());
    }
}
