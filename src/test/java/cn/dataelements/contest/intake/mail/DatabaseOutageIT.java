package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestDatabase;
import cn.dataelements.contest.support.TestMailServer;
import cn.dataelements.contest.system.postgres.LocalPostgres;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The database is cut off (a TCP proxy in front of a real PostgreSQL that the app reaches through
 * {@code spring.datasource.url}) while mail arrives: nothing is taken in, quarantined or marked processed, since nothing
 * could be recorded; health says so. Once the database is back, every mail is taken in, each once.
 */
@IntakeIT
class DatabaseOutageIT {

    private static final int MAILS = 5;

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void mailWaitsInTheInboxWhileTheDatabaseIsDownAndIsTakenInOnceItIsBack() throws Exception {
        String account = TestMailServer.account("db-outage@contest.local");
        IndexedSubmissions index = new IndexedSubmissions(client);
        TestDatabase database = TestDatabase.fresh();
        URI url = URI.create(database.url().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(url.getPort());
                AppProcess app = AppProcess.polling(
                                "db-outage-app",
                                account,
                                elasticsearch,
                                Map.of(
                                        "spring.datasource.url",
                                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.getPath(),
                                        "spring.datasource.username",
                                        LocalPostgres.user(),
                                        "spring.datasource.password",
                                        TestDatabase.server().password(),
                                        "spring.datasource.hikari.connection-timeout",
                                        "2000",
                                        "intake.routes.redelivery-delay",
                                        "100ms",
                                        "intake.routes.max-redelivery-delay",
                                        "500ms"))
                        .start()) {
            proxy.cut();
            List<String> messageIds = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                RawMail mail = new RawMail("应急管理-断库测试-作品" + i);
                TestMailServer.deliver(account, mail.bytes());
                messageIds.add(mail.messageId());
            }

            await("intake says it waits for the database")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> app.health().contains("\"intake\":{\"status\":\"DOWN\""));
            assertThat(TestMailServer.messagesIn(account, "INBOX")).isEqualTo(MAILS);
            assertThat(TestMailServer.messagesIn(account, "Processed")).isZero();
            assertThat(TestMailServer.messagesIn(account, "Quarantine")).isZero();

            proxy.restore();

            await("every mail processed once the database is back")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> TestMailServer.messagesIn(account, "Processed") == MAILS);
            assertThat(TestMailServer.messagesIn(account, "INBOX")).isZero();
            assertThat(TestMailServer.messagesIn(account, "Quarantine")).isZero();
            await("every mail searchable")
                    .atMost(Duration.ofMinutes(1))
                    .until(() ->
                            messageIds.stream().allMatch(id -> index.find(id).isPresent()));
            for (String messageId : messageIds) {
                assertThat(index.submissionsOf(messageId)).hasSize(1);
                index.awaitLedger(messageId, "INDEXED");
            }
            await("health back up")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> app.health().contains("\"intake\":{\"status\":\"UP\""));
        }
    }
}
