package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The app, as its own process, is killed hard and started again: every mail ends indexed exactly once, out of the
 * inbox, as version 1 of its entry, with one INDEXED ledger line and exactly one receipt. GreenMail lives in the test
 * JVM, so no mail is lost with the app.
 */
@IntakeIT
class MailboxCrashIT {

    private static final int MAILS = 40;
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Pattern ENTRY_IN_RECEIPT = Pattern.compile("作品编号：(\\S+)");

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void everyMailIsIndexedExactlyOnceAcrossAHardKill() throws Exception {
        String account = TestMailServer.account("crash@contest.local");
        String team = "crash-team@example.cn";
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/extraction/form-headings-and-table.docx"));
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            RawMail mail = new RawMail("现代农业-崩溃测试-作品" + i).from(team).attach("作品申报书.docx", DOCX, form);
            TestMailServer.deliver(account, mail.bytes());
            messageIds.add(mail.messageId());
        }
        IndexedSubmissions index = new IndexedSubmissions(client);
        Map<String, Object> settings = Map.of(
                "intake.mail.batch-size", 5,
                "intake.receipts.max-per-recipient", 1000,
                "intake.receipts.flush-every", "500ms");
        try (AppProcess first = AppProcess.polling("crash-app", account, elasticsearch, settings)
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

        try (AppProcess second = AppProcess.polling("crash-app", account, elasticsearch, settings)
                .start()) {
            await("every mail out of the inbox")
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> TestMailServer.messagesIn(account, "INBOX") == 0);
            await("every mail indexed")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> indexedCount(index, messageIds) == MAILS);
            await("a receipt for every mail")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> TestMailServer.receiptsTo(team).size() >= MAILS);
        }
        List<String> submissionIds = new ArrayList<>();
        for (String messageId : messageIds) {
            assertThat(index.submissionsOf(messageId)).as(messageId).hasSize(1);
            assertThat(TestMailServer.foldersHolding(account, messageId))
                    .as(messageId)
                    .contains("Processed")
                    .doesNotContain("INBOX", "Quarantine");
            String submissionId = index.awaitSubmission(messageId).get("id").toString();
            submissionIds.add(submissionId);
            Entry entry = index.awaitEntryOf(submissionId);
            assertThat(entry.versions()).extracting(Entry.Version::number).containsExactly(1);
            assertThat(index.ledger(messageId))
                    .as("one INDEXED ledger line for " + messageId)
                    .filteredOn(l -> "INDEXED".equals(l.get("outcome")))
                    .hasSize(1);
        }
        assertThat(entriesNamedIn(TestMailServer.receiptsTo(team)))
                .as("each mail's entry named by exactly one receipt")
                .containsExactlyInAnyOrderElementsOf(submissionIds);
    }

    @Test
    void aKillBetweenTheIndexWriteAndTheAcknowledgementLeavesExactlyOneReceipt() throws Exception {
        String account = TestMailServer.account("crash-ack@contest.local");
        String team = "crash-ack-team@example.cn";
        RawMail mail = new RawMail("现代农业-确认前崩溃-作品")
                .from(team)
                .attach(
                        "作品申报书.docx",
                        DOCX,
                        Files.readAllBytes(Path.of("src/test/resources/extraction/form-headings-and-table.docx")));
        TestMailServer.deliver(account, mail.bytes());
        IndexedSubmissions index = new IndexedSubmissions(client);
        Map<String, Object> settings = Map.of("intake.receipts.flush-every", "200ms");
        try (TcpProxy imap = new TcpProxy(TestMailServer.imapPort())) {
            // Every IMAP command of the app takes a second to arrive: once the submission is indexed, the command
            // that moves the mail (the acknowledgement) is still on its way when the app is killed.
            imap.delayClient(Duration.ofSeconds(1));
            Map<String, Object> slow = new LinkedHashMap<>(settings);
            slow.put("intake.mail.port", imap.port());
            try (AppProcess app = AppProcess.polling("crash-ack-app", account, elasticsearch, slow)
                    .start()) {
                await("the submission indexed")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> index.find(mail.messageId()).isPresent());
                app.kill();
            }
        }
        assertThat(TestMailServer.foldersHolding(account, mail.messageId()))
                .as("killed after the index write, before the acknowledgement")
                .containsExactly("INBOX");

        try (AppProcess again = AppProcess.polling("crash-ack-app", account, elasticsearch, settings)
                .start()) {
            index.awaitLedger(mail.messageId(), "ALREADY_INDEXED");
            await("the mail acknowledged")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> TestMailServer.foldersHolding(account, mail.messageId())
                            .equals(List.of("Processed")));
            await("its receipt")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> !TestMailServer.receiptsTo(team).isEmpty());
            // A kill between the SMTP server's acceptance and the outbox's move to sent/ sends the same receipt again
            // with the same Message-ID (see entriesNamedIn): one receipt is one Message-ID.
            await("and no second one")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> entriesNamedIn(TestMailServer.receiptsTo(team)).size() == 1);
        }
        assertThat(index.submissionsOf(mail.messageId())).hasSize(1);
    }

    /**
     * The entry each receipt names, one receipt per Message-ID: a kill between the SMTP server's acceptance and the
     * outbox's move to sent/ sends the same receipt again with the same Message-ID (see ReceiptOutbox), which the
     * team's mail client shows once.
     */
    private static List<String> entriesNamedIn(List<MimeMessage> receipts) throws Exception {
        List<String> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MimeMessage receipt : receipts) {
            if (!seen.add(receipt.getMessageID())) {
                continue;
            }
            Matcher m = ENTRY_IN_RECEIPT.matcher(receipt.getContent().toString());
            assertThat(m.find()).as("a receipt names its entry").isTrue();
            entries.add(m.group(1));
        }
        return entries;
    }

    private static int indexedCount(IndexedSubmissions index, List<String> messageIds) {
        return (int)
                messageIds.stream().filter(id -> index.find(id).isPresent()).count();
    }
}
