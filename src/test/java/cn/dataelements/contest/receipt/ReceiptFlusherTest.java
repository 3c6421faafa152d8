package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static cn.dataelements.contest.receipt.ReceiptFixtures.teamMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A receipt left in the outbox by an earlier run goes out on the app's first flush after start-up. */
class ReceiptFlusherTest {

    @TempDir
    Path data;

    private GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theAppSendsWhatAnEarlierRunLeftInTheOutbox() throws Exception {
        GreenMail down = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        down.start();
        int port = down.getSmtp().getPort();
        down.stop();
        Path dir = data.resolve("receipts");
        Receipts earlierRun = new Receipts(properties(dir, port, 5), java.util.List::of, Clock.systemUTC());
        assertThat(earlierRun.prepare(ReceiptFixtures.submission(1), teamMail(), "", content(1)))
                .isEqualTo(ReceiptOutcome.QUEUED);

        smtp = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(ReceiptBeans.class)
                .withPropertyValues("intake.receipts.dir=" + dir, "intake.receipts.port=" + port)
                .run(app -> {
                    assertThat(app.getBean(ReceiptFlusher.class).isRunning()).isTrue();
                    await().atMost(Duration.ofSeconds(10))
                            .untilAsserted(
                                    () -> assertThat(smtp.getReceivedMessages()).hasSize(1));
                    await().atMost(Duration.ofSeconds(5))
                            .untilAsserted(() -> assertThat(
                                            dir.resolve("outbox").toFile().list())
                                    .isEmpty());
                });
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReceiptProperties.class)
    @Import({Receipts.class, ReceiptFlusher.class})
    static class ReceiptBeans {}
}
