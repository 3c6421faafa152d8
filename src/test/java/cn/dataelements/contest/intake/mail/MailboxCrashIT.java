package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The app, as its own process, is killed hard in the middle of a batch and started again: every mail ends indexed
 * exactly once and out of the inbox. GreenMail lives in the test JVM, so no mail is lost with the app.
 */
@IntakeIT
class MailboxCrashIT {

    private static final int MAILS = 40;
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void everyMailIsIndexedExactlyOnceAcrossAHardKill() throws Exception {
        String account = TestMailServer.account("crash@contest.local");
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/extraction/form-headings-and-table.docx"));
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            RawMail mail = new RawMail("现代农业-崩溃测试-作品" + i).attach("作品申报书.docx", DOCX, form);
            TestMailServer.deliver(account, mail.bytes());
            messageIds.add(mail.messageId());
        }
        IndexedSubmissions index = new IndexedSubmissions(client);
        Map<String, Object> batchesOfFive = Map.of("intake.mail.batch-size", 5);
        try (AppProcess first = AppProcess.polling("crash-app", account, elasticsearch, batchesOfFive)
                .start()) {
            await("a few mails indexed")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> indexedCount(index, messageIds) >= 3);
            first.kill();
        }
        int indexedBeforeRestart = indexedCount(index, messageIds);
        assertThat(indexedBeforeRestart).as("killed in the middle of the batch").isLessThan(MAILS);
        assertThat(TestMailServer.messagesIn(account, "INBOX")).isGreaterThan(0);

        try (AppProcess second = AppProcess.polling("crash-app", account, elasticsearch, batchesOfFive)
                .start()) {
            await("every mail out of the inbox")
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> TestMailServer.messagesIn(account, "INBOX") == 0);
            await("every mail indexed")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> indexedCount(index, messageIds) == MAILS);
        }
        for (String messageId : messageIds) {
            assertThat(index.submissionsOf(messageId)).as(messageId).hasSize(1);
            assertThat(TestMailServer.foldersHolding(account, messageId))
                    .as(messageId)
                    .contains("Processed")
                    .doesNotContain("INBOX", "Quarantine");
        }
    }

    private static int indexedCount(IndexedSubmissions index, List<String> messageIds) {
        return (int)
                messageIds.stream().filter(id -> index.find(id).isPresent()).count();
    }
}
