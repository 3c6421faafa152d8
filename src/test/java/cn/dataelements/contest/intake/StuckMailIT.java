package cn.dataelements.contest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.index.ProjectionQueue;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Three mails that fail every time, for a reason that is not an outage, sit at the head of the inbox with 20 good mails
 * behind them. One meets a defect in the real entry builder; one a runtime error late in its transaction (its receipt
 * cannot be decided), after its entry and findings were written; one is taken in, but the Elasticsearch client fails
 * on its document every time (as a serialization bug would: the node is up, so it is no outage). The good ones are
 * all taken in and searchable; the first two go to quarantine after their attempts, their last error in the ledger,
 * nothing of them left in the database; the third is kept in the projection queue with its reason, without holding
 * back any other document. This context polls a mailbox of its own.
 */
@IntakeIT
@TestPropertySource(properties = {"intake.mail.username=" + StuckMailIT.ACCOUNT, "intake.routes.max-attempts=3"})
class StuckMailIT {

    static final String ACCOUNT = "stuck@contest.local";
    private static final String BAD = "坏邮件-每次都失败";
    private static final String BAD_TRANSACTION = "坏邮件-事务中每次都出错";
    private static final String BAD_INDEXING = "坏邮件-索引时每次都出错";

    static {
        TestMailServer.account(ACCOUNT);
    }

    @MockitoSpyBean
    EntryBuilder builder;

    @MockitoSpyBean
    TeamReceipt receipt;

    @MockitoSpyBean
    ElasticsearchClient client;

    @MockitoSpyBean
    ProjectionQueue queue;

    @Autowired
    JdbcClient db;

    @Test
    void mailsThatAlwaysFailAreQuarantinedAndTheTwentyBehindThemAreTakenIn() throws Exception {
        doThrow(new IllegalStateException("a defect this mail always meets"))
                .when(builder)
                .build(argThat(
                        read -> read != null && BAD.equals(read.document().subject())));
        doThrow(new IllegalStateException("a receipt this mail cannot have"))
                .when(receipt)
                .prepare(argThat(taken -> taken != null
                        && BAD_TRANSACTION.equals(taken.read().document().subject())));
        doThrow(new IllegalStateException("a document this client cannot write"))
                .when(client)
                .bulk(argThat((BulkRequest bulk) -> bulk != null
                        && bulk.operations().stream()
                                .anyMatch(op -> op.isIndex()
                                        && op.index().document() instanceof SubmissionDocument document
                                        && BAD_INDEXING.equals(document.subject()))));
        RawMail bad = new RawMail(BAD);
        TestMailServer.deliver(ACCOUNT, bad.bytes());
        RawMail badTransaction = new RawMail(BAD_TRANSACTION);
        TestMailServer.deliver(ACCOUNT, badTransaction.bytes());
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
        await("the mail that fails inside its transaction quarantined")
                .atMost(Duration.ofMinutes(1))
                .until(() -> TestMailServer.foldersHolding(ACCOUNT, badTransaction.messageId())
                        .equals(List.of("Quarantine")));

        Map<String, Object> quarantined = index.awaitLedger(bad.messageId(), "QUARANTINED");
        assertThat(quarantined.get("reason").toString())
                .contains("failed 3 times")
                .contains("a defect this mail always meets");
        assertThat(index.ledger(bad.messageId()))
                .filteredOn(l -> "RETRIED".equals(l.get("outcome")))
                .hasSize(2);
        assertThat(index.awaitLedger(badTransaction.messageId(), "QUARANTINED")
                        .get("reason")
                        .toString())
                .contains("failed 3 times")
                .contains("a receipt this mail cannot have");
        assertThat(index.ledger(badTransaction.messageId()))
                .extracting(l -> l.get("outcome"))
                .as("each attempt's writes were undone with it")
                .doesNotContain("INDEXED");
        assertThat(count("select count(*) from submissions where document->>'subject' = ?", BAD_TRANSACTION))
                .isZero();

        assertThat(TestMailServer.foldersHolding(ACCOUNT, badIndexing.messageId()))
                .as("taken in: the database has it")
                .containsExactly("Processed");
        String badIndexingId = db.sql("select id from submissions where document->>'subject' = ?")
                .param(BAD_INDEXING)
                .query(String.class)
                .single();
        // kept in the queue with the reason, for the background to try again (here, or in any other instance)
        verify(queue, timeout(60_000).atLeastOnce())
                .failed(argThat(q -> q.id().equals(badIndexingId)), contains("a document this client cannot write"));
        assertThat(TestMailServer.messagesIn(ACCOUNT, "INBOX")).isZero();
        assertThat(TestMailServer.messagesIn(ACCOUNT, "Processed")).isEqualTo(21);
    }

    private int count(String sql, String subject) {
        return db.sql(sql).param(subject).query(Integer.class).single();
    }
}
