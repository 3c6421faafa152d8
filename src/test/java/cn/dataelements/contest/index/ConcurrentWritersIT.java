package cn.dataelements.contest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.compliance.ComplianceChecker;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.StoredFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.submission.SubmissionDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two writers of one entry, the race forced with latches (not timing luck): the first writer is held inside its
 * transaction, after it took the entry's row lock, while the second starts; the second must wait for the first's
 * commit and then build on it, so neither write undoes the other. The routes do not start in this context, so nothing
 * but the test writes.
 */
@IntakeIT
@TestPropertySource(properties = "camel.main.auto-startup=false")
class ConcurrentWritersIT {

    private static final Instant FIRST = Instant.parse("2025-06-10T01:00:00Z");

    @MockitoSpyBean
    ComplianceChecker checker;

    @Autowired
    EntryStore store;

    @Autowired
    EntryCheck check;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    StoredFindings findings;

    @Autowired
    ProjectionQueue queue;

    @Autowired
    JdbcClient db;

    @Autowired
    ObjectMapper json;

    @Test
    void twoSubmissionsOfOneTeamWrittenAtOnceAreBothInTheEntry() throws Exception {
        String entryId = "concurrent-" + UUID.randomUUID();
        String teamKey = "913710022578578009|并发写入测试平台";
        Held held = new Held();

        CompletableFuture<EntryStore.Saved> a = onThread(
                "writer-a",
                () -> queue.inTransaction(() -> {
                    EntryStore.Saved saved = store.save(view(entryId, teamKey, "a"), document(entryId, "a"));
                    held.arrive();
                    return saved;
                }));
        held.reached();
        CompletableFuture<EntryStore.Saved> b = onThread(
                "writer-b",
                () -> queue.inTransaction(() -> store.save(view(entryId, teamKey, "b"), document(entryId, "b"))));
        assertWaits(b, "the second writer waits for the first's commit");
        held.release();
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        Entry entry = store.find(entryId).orElseThrow();
        assertThat(entry.submissions())
                .extracting(Entry.EntrySubmission::id)
                .containsExactlyInAnyOrder(id(entryId, "a"), id(entryId, "b"));
        assertThat(entry.versions()).extracting(Entry.Version::number).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aCommitteeDecisionDuringACheckIsKeptInTheFindings() throws Exception {
        String entryId = "concurrent-" + UUID.randomUUID();
        queue.inTransaction(
                () -> store.save(view(entryId, "913710022578578009|并发裁定测试平台", "a"), document(entryId, "a")));
        assertThat(check.checkAgain(entryId)).isTrue();
        EntryFindings before = findings.of(entryId).orElseThrow();
        CheckedFinding finding = before.findings().get(0);
        // As a rule change would: the findings kept differ from what the check now gives, so the check writes.
        List<CheckedFinding> stale = new java.util.ArrayList<>(before.findings());
        stale.add(new CheckedFinding(
                new cn.dataelements.contest.compliance.Finding(
                        "WORK_TITLE_FORBIDDEN_WORD",
                        cn.dataelements.contest.compliance.Severity.BLOCKING,
                        "作品名称含有不宜使用的词语",
                        cn.dataelements.contest.compliance.Evidence.field("workTitle", "旧规则")),
                "|workTitle|旧规则",
                null));
        db.sql("update findings set document = cast(? as jsonb) where entry_id = ?")
                .params(json.writeValueAsString(new EntryFindings(entryId, FIRST, stale, List.of())), entryId)
                .update();
        Held held = new Held();
        doAnswer(invocation -> {
                    if (Thread.currentThread().getName().equals("checker")) {
                        held.arrive();
                    }
                    return invocation.callRealMethod();
                })
                .when(checker)
                .run(any());

        CompletableFuture<Boolean> recheck = onThread("checker", () -> check.checkAgain(entryId));
        held.reached();
        CompletableFuture<Optional<EntryFindings>> decided = onThread(
                "committee",
                () -> decisions.decide(
                        entryId, finding.finding().code(), finding.evidenceKey(), "OVERRULED", "纸质材料已补交", "committee"));
        assertWaits(decided, "the decision waits for the check's commit");
        held.release();
        recheck.get(60, TimeUnit.SECONDS);
        decided.get(60, TimeUnit.SECONDS);

        EntryFindings after = findings.of(entryId).orElseThrow();
        assertThat(after.findings()).noneMatch(f -> f.evidenceKey().equals("|workTitle|旧规则"));
        Optional<CheckedFinding> kept = after.findings().stream()
                .filter(f -> f.evidenceKey().equals(finding.evidenceKey())
                        && f.finding().code().equals(finding.finding().code()))
                .findFirst();
        assertThat(kept)
                .hasValueSatisfying(f -> assertThat(f.decision().verdict()).isEqualTo("OVERRULED"));
    }

    /** The work has not finished a second after it started: it waits for a lock the held writer has. */
    private static void assertWaits(CompletableFuture<?> work, String what) throws Exception {
        try {
            work.get(1, TimeUnit.SECONDS);
            throw new AssertionError(what + ": it finished while the other writer held the entry");
        } catch (TimeoutException expected) {
            // waiting, as it must
        }
    }

    /** A writer inside its transaction, held until the other writer started. */
    private static final class Held {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void arrive() {
            arrived.countDown();
            try {
                assertThat(released.await(60, TimeUnit.SECONDS)).as("released").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void reached() throws InterruptedException {
            assertThat(arrived.await(60, TimeUnit.SECONDS))
                    .as("the first writer is inside its transaction")
                    .isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> onThread(String name, Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(work.run());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                name);
        thread.start();
        return result;
    }

    private static String id(String entryId, String which) {
        return entryId + "-" + which;
    }

    private static Instant receivedAt(String which) {
        return which.equals("a") ? FIRST : FIRST.plusSeconds(60);
    }

    private static Entry view(String entryId, String teamKey, String which) {
        String submissionId = id(entryId, which);
        Instant at = receivedAt(which);
        return new Entry(
                entryId,
                List.of(new Entry.EntrySubmission(submissionId, "mail", "<" + submissionId + "@example.cn>", at)),
                new Entry.Track(3, "商贸流通"),
                "",
                teamKey.substring(teamKey.indexOf('|') + 1),
                "",
                List.of(new Entry.Unit("威海并发测试有限公司", teamKey.substring(0, 18), true)),
                List.of(),
                new Entry.Contact("", "", ""),
                List.of(),
                List.of(),
                List.of(),
                "received",
                teamKey,
                List.of(new Entry.Version(1, submissionId, at, false, List.of())),
                1,
                null,
                List.of(),
                "");
    }

    private static SubmissionDocument document(String entryId, String which) {
        String submissionId = id(entryId, which);
        Instant receivedAt = receivedAt(which);
        return new SubmissionDocument(
                submissionId,
                "mail",
                "test-route",
                receivedAt,
                receivedAt,
                new SubmissionDocument.Source("INBOX", 1, 1, "<" + submissionId + ">", ""),
                "商贸流通-并发测试",
                "writer@example.cn",
                "",
                "",
                List.of(),
                List.of(),
                SubmissionDocument.STATUS_RECEIVED);
    }
}
