package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static cn.dataelements.contest.receipt.ReceiptFixtures.teamMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A receipt left in the outbox by an earlier run goes out on the app's first flush after start-up. */
class ReceiptFlusherTest {

    private final TestDatabase db = TestDatabase.fresh();

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
        Receipts earlierRun =
                new Receipts(properties(port, 5), java.util.List::of, db.jdbc(), db.transactions(), Clock.systemUTC());
        assertThat(earlierRun.prepare(ReceiptFixtures.submission(1), teamMail(), "", content(1)))
                .isEqualTo(ReceiptOutcome.QUEUED);

        smtp = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(ReceiptBeans.class)
                .withBean(JdbcClient.class, db::jdbc)
                .withBean(TransactionTemplate.class, db::transactions)
                .withPropertyValues("intake.receipts.port=" + port)
                .run(app -> {
                    assertThat(app.getBean(ReceiptFlusher.class).isRunning()).isTrue();
                    await().atMost(Duration.ofSeconds(10))
                            .untilAsserted(
                                    () -> assertThat(smtp.getReceivedMessages()).hasSize(1));
                    await().atMost(Duration.ofSeconds(5))
                            .untilAsserted(() -> assertThat(db.jdbc()
                                            .sql("select count(*) from receipts where state = 'OUTBOX'")
                                            .query(Integer.class)
                                            .single())
                                    .isZero());
                });
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReceiptProperties.class)
    @Import({Receipts.class, ReceiptFlusher.class})
    static class ReceiptBeans {}
}
