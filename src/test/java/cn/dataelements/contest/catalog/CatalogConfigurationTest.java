package cn.dataelements.contest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.MaterialKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class CatalogConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CatalogProperties.class)
    @Import(CatalogConfiguration.class)
    static class CatalogOnly {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(CatalogOnly.class);

    @TempDir
    Path dir;

    @Test
    void theDefaultFolderGivesTheCatalogBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            Catalog catalog = context.getBean(CurrentCatalog.class).get();
            assertThat(catalog.tracks().track(2).channel()).isEqualTo(Channel.MAIL);
            assertThat(catalog.materials().classify("路演.pptx", null)).isEqualTo(MaterialKind.SLIDES);
        });
    }

    @Test
    void anInvalidCatalogStopsTheContextWithItsProblems() throws IOException {
        for (String name : new String[] {CatalogLoader.TRACKS, CatalogLoader.SECTIONS, CatalogLoader.MATERIALS}) {
            Files.copy(Path.of("mappings", name), dir.resolve(name));
        }
        Path tracks = dir.resolve(CatalogLoader.TRACKS);
        Files.writeString(
                tracks,
                Files.readString(tracks, StandardCharsets.UTF_8)
                        .replaceFirst("channel: export", "channel: shandongtong"),
                StandardCharsets.UTF_8);

        runner.withPropertyValues("intake.catalog.dir=" + dir)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CatalogException.class)
                        .hasMessageContaining("tracks.yaml: tracks[13].channel: 'shandongtong' is not a channel"));
    }
}
