package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.IntakeTestEnvironment;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestDatabase;
import cn.dataelements.contest.support.TestMailServer;
import cn.dataelements.contest.system.postgres.LocalPostgres;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two app processes share one PostgreSQL, one Elasticsearch and one data folder, and read one mailbox. Exactly one
 * runs the intake routes; the other stands by and serves pages. The leader is killed (SIGKILL) while mail arrives:
 * the other takes the routes within 30 s, and every mail is taken in exactly once.
 */
@IntakeIT
class TwoInstancesIT {

    private static final int BEFORE = 8;
    private static final int AFTER = 8;
    private static final String LEADER = "\"role\":\"leader\"";

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void whenTheLeaderIsKilledTheOtherTakesTheRoutesAndNothingIsLostOrDoubled() throws Exception {
        String account = TestMailServer.account("two-instances@contest.local");
        TestDatabase database = TestDatabase.fresh();
        Map<String, Object> shared = Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", LocalPostgres.user(),
                "spring.datasource.password", TestDatabase.server().password(),
                "intake.data-dir", IntakeTestEnvironment.dataDir().resolve("two-instances"));
        IndexedSubmissions index = new IndexedSubmissions(client);
        try (AppProcess first =
                AppProcess.polling("instance-a", account, elasticsearch, shared).start()) {
            await("the first instance leads")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> first.healthDetails().contains(LEADER));
            try (AppProcess second = AppProcess.polling("instance-b", account, elasticsearch, shared)
                    .start()) {
                assertThat(second.healthDetails())
                        .as("the second stands by while the first leads")
                        .doesNotContain(LEADER)
                        .contains("standby");

                List<String> messageIds = new ArrayList<>();
                for (int i = 0; i < BEFORE; i++) {
                    messageIds.add(deliver(account, "交通运输-双实例测试-作品" + i));
                }
                await("some mail taken in by the leader")
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> TestMailServer.messagesIn(account, "Processed") >= 2);

                first.kill();
                long killed = System.nanoTime();
                for (int i = 0; i < AFTER; i++) {
                    messageIds.add(deliver(account, "交通运输-双实例测试-后来的作品" + i));
                }
                await("the second instance takes the routes")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> second.healthDetails().contains(LEADER));
                long takeover = (System.nanoTime() - killed) / 1_000_000;
                System.out.println("Failover: the second instance led " + takeover + " ms after the kill");

                await("every mail processed")
                        .atMost(Duration.ofMinutes(2))
                        .until(() -> TestMailServer.messagesIn(account, "Processed") == messageIds.size());
                assertThat(TestMailServer.messagesIn(account, "INBOX")).isZero();
                assertThat(TestMailServer.messagesIn(account, "Quarantine")).isZero();
                for (String messageId : messageIds) {
                    assertThat(database.jdbc()
                                    .sql("select count(*) from ledger where outcome = 'INDEXED' and message_id = ?")
                                    .param(messageId)
                                    .query(Integer.class)
                                    .single())
                            .as("taken in once: " + messageId)
                            .isEqualTo(1);
                    assertThat(database.jdbc()
                                    .sql("select count(*) from submissions where document->'source'->>'messageId' = ?")
                                    .param(messageId)
                                    .query(Integer.class)
                                    .single())
                            .isEqualTo(1);
                }
                await("every mail searchable")
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> index.countIndexed(messageIds) == messageIds.size());
                for (String messageId : messageIds) {
                    assertThat(index.submissionsOf(messageId)).hasSize(1);
                }
            }
        }
    }

    private static String deliver(String account, String subject) throws Exception {
        RawMail mail = new RawMail(subject);
        TestMailServer.deliver(account, mail.bytes());
        return mail.messageId();
    }
}
