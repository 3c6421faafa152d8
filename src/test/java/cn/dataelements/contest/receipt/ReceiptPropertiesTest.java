package cn.dataelements.contest.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ReceiptPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class)
            .withPropertyValues("intake.receipts.dir=data/receipts");

    @Test
    void theDefaultsSendToTheLocalGreenMail() {
        context.run(app -> {
            ReceiptProperties receipts = app.getBean(ReceiptProperties.class);
            assertThat(receipts.enabled()).isTrue();
            assertThat(receipts.host()).isEqualTo("127.0.0.1");
            assertThat(receipts.port()).isEqualTo(3025);
            assertThat(receipts.protocol()).isEqualTo("smtp");
            assertThat(receipts.username()).isEmpty();
            assertThat(receipts.from()).isEqualTo("noreply@contest.local");
            assertThat(receipts.subjectPrefix()).isEqualTo("【数据要素×大赛威海选拔赛】");
            assertThat(receipts.maxPerRecipient()).isEqualTo(5);
            assertThat(receipts.ratePeriod()).isEqualTo(Duration.ofHours(1));
            assertThat(receipts.flushEvery()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void aWrongSettingStopsTheStartNamingTheKey() {
        context.withPropertyValues("intake.receipts.protocol=imap", "intake.receipts.from=not an address")
                .run(app -> assertThat(app.getStartupFailure())
                        .rootCause()
                        .message()
                        .contains("intake.receipts")
                        .contains("protocol")
                        .contains("must be smtp or smtps")
                        .contains("from"));
    }

    @Test
    void thePasswordNeverShowsInToString() {
        context.withPropertyValues("intake.receipts.username=robot", "intake.receipts.password=s3cret-from-env")
                .run(app -> assertThat(app.getBean(ReceiptProperties.class).toString())
                        .doesNotContain("s3cret-from-env")
                        .contains("robot"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReceiptProperties.class)
    static class Bound {}
}
