package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ArchivePropertiesTest {

    @Test
    void unsetPropertiesGiveTheDefaultLimits() {
        assertThat(bind(Map.of()).limits()).isEqualTo(ArchiveLimits.defaults());
    }

    @Test
    void sizesAndTimesAreReadInTheirUsualUnits() {
        ArchiveLimits limits = bind(Map.of(
                        "intake.extraction.archive.max-total-size", "5GB",
                        "intake.extraction.archive.max-entry-size", "3GB",
                        "intake.extraction.archive.external-timeout", "90s"))
                .limits();

        assertThat(limits.maxTotalBytes()).isEqualTo(5L << 30);
        assertThat(limits.maxEntryBytes()).isEqualTo(3L << 30);
        assertThat(limits.externalTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    private static ArchiveProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("intake.extraction.archive", ArchiveProperties.class);
    }
}
