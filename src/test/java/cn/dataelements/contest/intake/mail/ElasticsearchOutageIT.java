package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestMailServer;
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
 * Elasticsearch is cut off (a TCP proxy in front of the shared node) while mail arrives. The database is the system of
 * record, so intake goes on: every mail is taken in and moved out of the inbox, nothing is quarantined, and health
 * says the search is behind. Once the index is back, the projector gives it every submission, each once.
 */
@IntakeIT
class ElasticsearchOutageIT {

    private static final int MAILS = 5;

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void mailIsTakenInWhileTheIndexIsDownAndSearchableOnceItIsBack() throws Exception {
        String account = TestMailServer.account("outage@contest.local");
        IndexedSubmissions index = new IndexedSubmissions(client);
        try (TcpProxy proxy = new TcpProxy(URI.create(elasticsearch).getPort());
                AppProcess app = AppProcess.polling(
                                "outage-app",
                                account,
                                "http://127.0.0.1:" + proxy.port(),
                                Map.of("intake.projection.max-lag", "3s", "intake.projection.catch-up-every", "1s"))
                        .start()) {
            proxy.cut();
            List<String> messageIds = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                RawMail mail = new RawMail("应急管理-断网测试-作品" + i);
                TestMailServer.deliver(account, mail.bytes());
                messageIds.add(mail.messageId());
            }

            await("every mail taken in while the index is down")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> TestMailServer.messagesIn(account, "Processed") == MAILS);
            assertThat(TestMailServer.messagesIn(account, "INBOX")).isZero();
            assertThat(TestMailServer.messagesIn(account, "Quarantine")).isZero();
            await("health says the search is behind")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> app.health().contains("\"projection\":{\"status\":\"DOWN\""));
            assertThat(app.health()).contains("\"intake\":{\"status\":\"UP\"");
            assertThat(messageIds).allMatch(id -> index.find(id).isEmpty());

            proxy.restore();

            await("every mail searchable once the index is back")
                    .atMost(Duration.ofMinutes(2))
                    .until(() ->
                            messageIds.stream().allMatch(id -> index.find(id).isPresent()));
            await("health back up")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> app.health().contains("\"projection\":{\"status\":\"UP\""));
            for (String messageId : messageIds) {
                assertThat(index.submissionsOf(messageId)).hasSize(1);
                index.awaitLedger(messageId, "INDEXED");
            }
        }
    }
}
