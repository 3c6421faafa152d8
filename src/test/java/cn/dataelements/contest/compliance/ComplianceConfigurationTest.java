package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.CatalogProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

class ComplianceConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CatalogProperties.class, ComplianceProperties.class})
    @ComponentScan(
            basePackages = "cn.dataelements.contest.catalog",
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*CatalogConfiguration"))
    @Import(ComplianceConfiguration.class)
    static class ComplianceOnly {}

    @TempDir
    Path lists;

    @Test
    void theDefaultsGiveACheckerAndAMissingListsDirStopsTheContext() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(ComplianceOnly.class);

        runner.withPropertyValues(
                        "intake.compliance.lists-dir=" + lists,
                        "intake.compliance.decisions-dir=" + lists.resolve("decisions"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ComplianceChecker.class);
                    assertThat(context.getBean(ComplianceSettings.class).maxRepresentatives())
                            .isEqualTo(5);
                });
        // only the lists folder missing: the context must not start
        runner.withPropertyValues("intake.compliance.decisions-dir=" + lists.resolve("decisions"))
                .run(context -> assertThat(context).hasFailed());
    }
}
