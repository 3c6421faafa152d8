package cn.dataelements.contest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.submission.SubmissionDocument;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two mails that fail every time, for a reason that is not an outage, sit at the head of the inbox with 20 good mails
 * behind them: one meets a defect in the real entry builder, the other a runtime error inside indexing (the
 * Elasticsearch client failing on its document, as a serialization bug would: the node is up, so it is no outage). The
 * good ones are all taken in, and each bad one goes to quarantine after its attempts, its last error in the ledger.
 * This context polls a mailbox of its own.
 */
@IntakeIT
@TestPropertySource(properties = {"intake.mail.username=" + StuckMailIT.ACCOUNT, "intake.routes.max-attempts=3"})
class StuckMailIT {

    static final String ACCOUNT = "stuck@contest.local";
    private static final String BAD = "坏邮件-每次都失败";
    private static final String BAD_INDEXING = "坏邮件-索引时每次都出错";

    static {
        TestMailServer.account(ACCOUNT);
    }

    @MockitoSpyBean
    EntryBuilder builder;

    @MockitoSpyBean
    ElasticsearchClient client;

    @Test
    void mailsThatAlwaysFailAreQuarantinedAndTheTwentyBehindThemAreTakenIn() throws Exception {
        doThrow(new IllegalStateException("a defect this mail always meets"))
                .when(builder)
                .build(argThat(
                        read -> read != null && BAD.equals(read.document().subject())));
        doThrow(new IllegalStateException("a document this client cannot write"))
                .when(client)
                .bulk(argThat((BulkRequest bulk) -> bulk != null
                        && bulk.operations().stream()
                                .anyMatch(op -> op.isIndex()
                                        && op.index().document() instanceof SubmissionDocument document
                                        && BAD_INDEXING.equals(document.subject()))));
        RawMail bad = new RawMail(BAD);
        TestMailServer.deliver(ACCOUNT, bad.bytes());
        RawMail badIndexing = new RawMail(BAD_INDEXING);
        TestMailServer.deliver(ACCOUNT, badIndexing.bytes());
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawMail mail = new RawMail("应急管理-排队测试-作品" + i);
            TestMailServer.deliver(ACCOUNT, mail.bytes());
            good.add(mail.messageId());
        }
        IndexedSubmissions index = new IndexedSubmissions(client);

        await("the 20 good mails taken in")
                .atMost(Duration.ofMinutes(3))
                .until(() -> index.countIndexed(good) == good.size());
        await("the bad mail quarantined")
                .atMost(Duration.ofMinutes(1))
                .until(() ->
                        TestMailServer.foldersHolding(ACCOUNT, bad.messageId()).equals(List.of("Quarantine")));

        await("the mail that fails inside indexing quarantined")
                .atMost(Duration.ofMinutes(1))
                .until(() -> TestMailServer.foldersHolding(ACCOUNT, badIndexing.messageId())
                        .equals(List.of("Quarantine")));

        Map<String, Object> quarantined = index.awaitLedger(bad.messageId(), "QUARANTINED");
        assertThat(quarantined.get("reason").toString())
                .contains("failed 3 times")
                .contains("a defect this mail always meets");
        assertThat(index.ledger(bad.messageId()))
                .filteredOn(l -> "RETRIED".equals(l.get("outcome")))
                .hasSize(2);
        assertThat(index.awaitLedger(badIndexing.messageId(), "QUARANTINED")
                        .get("reason")
                        .toString())
                .contains("failed 3 times")
                .contains("a document this client cannot write");
        assertThat(index.ledger(badIndexing.messageId()))
                .filteredOn(l -> String.valueOf(l.get("reason")).contains("outage"))
                .as("a runtime error inside indexing is no outage")
                .isEmpty();
        assertThat(TestMailServer.messagesIn(ACCOUNT, "INBOX")).isZero();
        assertThat(TestMailServer.messagesIn(ACCOUNT, "Processed")).isEqualTo(20);
    }
}
