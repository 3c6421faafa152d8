package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.IntakeTestEnvironment;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Elasticsearch is cut off (a TCP proxy in front of the shared node) while mail arrives: nothing is quarantined,
 * lost or marked processed, health says so, and once the index is back everything is indexed.
 */
@IntakeIT
class ElasticsearchOutageIT {

    private static final int MAILS = 5;

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void mailWaitsInTheInboxWhileTheIndexIsDownAndIsIndexedOnceItIsBack() throws Exception {
        String account = TestMailServer.account("outage@contest.local");
        Path dataDir = IntakeTestEnvironment.dataDir().resolve("outage-app");
        IndexedSubmissions index = new IndexedSubmissions(client);
        try (TcpProxy proxy = new TcpProxy(URI.create(elasticsearch).getPort());
                AppProcess app = AppProcess.polling(
                                "outage-app",
                                account,
                                "http://127.0.0.1:" + proxy.port(),
                                Map.of(
                                        "intake.routes.redelivery-delay", "100ms",
                                        "intake.routes.max-redelivery-delay", "500ms"))
                        .start()) {
            proxy.cut();
            List<String> messageIds = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                RawMail mail = new RawMail("应急管理-断网测试-作品" + i);
                TestMailServer.deliver(account, mail.bytes());
                messageIds.add(mail.messageId());
            }

            await("every mail tried and left for retry")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> retriedOnDisk(dataDir) >= MAILS);
            assertThat(app.health()).contains("\"intake\":{\"status\":\"DOWN\"");
            assertThat(TestMailServer.messagesIn(account, "INBOX")).isEqualTo(MAILS);
            assertThat(TestMailServer.messagesIn(account, "Processed")).isZero();
            assertThat(TestMailServer.messagesIn(account, "Quarantine")).isZero();
            assertThat(ledgerOnDisk(dataDir)).noneMatch(line -> line.contains("\"QUARANTINED\""));

            proxy.restore();

            await("every mail indexed once the index is back")
                    .atMost(Duration.ofMinutes(2))
                    .until(() ->
                            messageIds.stream().allMatch(id -> index.find(id).isPresent()));
            await("every mail processed")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> TestMailServer.messagesIn(account, "Processed") == MAILS);
            assertThat(TestMailServer.messagesIn(account, "INBOX")).isZero();
            await("health back up")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> app.health().contains("\"intake\":{\"status\":\"UP\""));
            for (String messageId : messageIds) {
                assertThat(index.submissionsOf(messageId)).hasSize(1);
                index.awaitLedger(messageId, "RETRIED");
            }
        }
    }

    private static long retriedOnDisk(Path dataDir) throws Exception {
        return ledgerOnDisk(dataDir).stream()
                .filter(line -> line.contains("\"RETRIED\""))
                .count();
    }

    private static List<String> ledgerOnDisk(Path dataDir) throws Exception {
        Path ledger = dataDir.resolve("ledger");
        if (!Files.isDirectory(ledger)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ledger)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            return lines;
        }
    }
}
