package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The mailbox refuses the app's login: health shows the route DOWN with the reason within two poll intervals, though
 * no mail ever reached the route; once the administrator sets the password the app has, the route is UP again and
 * the mail waiting is taken in. The password holds the characters that end a value in a Camel URI.
 */
@IntakeIT
class MailboxHealthIT {

    private static final String ACCOUNT = "health@contest.local";
    private static final String APP_PASSWORD = "pa)&ss=(w}o{rd%2B";
    private static final long POLL_MILLIS = 1000;

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void aRefusedLoginIsDownWithItsReasonAndTheRightPasswordBringsItUp() throws Exception {
        TestMailServer.account(ACCOUNT, "not-what-the-app-has");
        RawMail waiting = new RawMail("气象服务-登录测试-作品");
        TestMailServer.deliver(ACCOUNT, waiting.bytes());
        Map<String, Object> settings =
                Map.of("intake.mail.password", APP_PASSWORD, "intake.mail.poll-delay", POLL_MILLIS);
        try (AppProcess app = AppProcess.polling("health-app", ACCOUNT, elasticsearch, settings)
                .start()) {
            await("the route DOWN with the login's refusal")
                    .atMost(Duration.ofMillis(2 * POLL_MILLIS + 5_000))
                    .until(() -> app.healthDetails().contains("\"intake\":{\"status\":\"DOWN\""));
            assertThat(app.healthDetails()).contains("AuthenticationFailedException");
            assertThat(app.health()).doesNotContain(APP_PASSWORD);

            TestMailServer.changePassword(ACCOUNT, APP_PASSWORD);

            await("the route UP again")
                    .atMost(Duration.ofMillis(2 * POLL_MILLIS + 5_000))
                    .until(() -> app.healthDetails().contains("\"intake\":{\"status\":\"UP\""));
            new IndexedSubmissions(client).awaitSubmission(waiting.messageId());
        }
    }
}
