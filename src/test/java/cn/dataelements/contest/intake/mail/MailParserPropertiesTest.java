package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MailParserPropertiesTest {

    @Test
    void unsetPropertiesGiveTheDefaultLimits() {
        assertThat(bind(Map.of()).limits()).isEqualTo(MailParserLimits.defaults());
    }

    @Test
    void aLargerPartSizeIsReadInMegabytes() {
        assertThat(bind(Map.of("intake.mail.parser.max-part-size", "300MB"))
                        .limits()
                        .maxPartBytes())
                .isEqualTo(300L << 20);
    }

    private static MailParserProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("intake.mail.parser", MailParserProperties.class);
    }
}
