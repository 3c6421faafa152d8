package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An organizer's advancement and the committee's withdrawal of the same award (an upheld objection), raced with
 * latches: the withdrawal is held inside its transaction, after its write, while the advancement starts; the
 * advancement must wait for it and then find the award withdrawn. The award stays withdrawn.
 */
@IntakeIT
class AwardRaceIT {

    private static final String ROUND = "race-check";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    Rounds rounds;

    @Autowired
    Advancements advancements;

    @MockitoSpyBean
    AuditLog audit;

    @Test
    void aWithdrawalRacedWithAnAdvancementStaysWithdrawn() throws Exception {
        Entry entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("智慧医疗-威海竞态科技有限公司-竞态平台" + UUID.randomUUID())
                        .attach(
                                "证明材料.pdf",
                                "application/pdf",
                                Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"))));
        CompliantEntries.overruleBlocking(decisions, entry.id());
        rounds.open(ROUND, "organizer");
        assertThat(rounds.entry(ROUND, entry.id())).isPresent();
        rounds.close(ROUND, "organizer", Map.of());

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
                    if (Thread.currentThread().getName().equals("committee")) {
                        written.countDown();
                        assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                    }
                    return invocation.callRealMethod();
                })
                .when(audit)
                .record(any(), eq("review.award.withdraw"), any(), any());

        CompletableFuture<Void> withdrawal =
                onThread("committee", () -> advancements.withdraw(ROUND, entry.id(), "举报成立", "committee-member"));
        assertThat(written.await(60, TimeUnit.SECONDS))
                .as("the withdrawal wrote and waits to commit")
                .isTrue();
        CompletableFuture<Void> advancement =
                onThread("organizer", () -> advancements.advance(ROUND, entry.id(), true, "", "organizer"));
        try {
            advancement.get(1, TimeUnit.SECONDS);
            throw new AssertionError("the advancement went through while the withdrawal held the award");
        } catch (TimeoutException expected) {
            // it waits for the withdrawal's commit, as it must
        }
        release.countDown();
        withdrawal.get(60, TimeUnit.SECONDS);

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> advancement.get(60, TimeUnit.SECONDS));
        assertThat(refused.getCause()).isInstanceOf(ReviewException.class);
        Advancement award = advancements.of(ROUND, entry.id()).orElseThrow();
        assertThat(award.withdrawn()).isTrue();
        assertThat(advancements.advanced(ROUND)).doesNotContain(entry.id());
    }

    private static CompletableFuture<Void> onThread(String name, Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        work.run();
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                name);
        thread.start();
        return done;
    }
}
