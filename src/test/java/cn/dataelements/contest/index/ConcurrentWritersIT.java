package cn.dataelements.contest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.Decision;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two writers of one document, the race forced with latches (not timing luck): the first writer has read the document
 * and is held just before its write until the second has written; its write then must not undo the second's. The
 * routes do not start in this context, so nothing but the test writes.
 */
@IntakeIT
@TestPropertySource(properties = "camel.main.auto-startup=false")
class ConcurrentWritersIT {

    private static final Instant FIRST = Instant.parse("2025-06-10T01:00:00Z");

    @MockitoSpyBean
    Indexer indexer;

    @Autowired
    EntryStore store;

    @Autowired
    EntryCheck check;

    @Autowired
    IndexProperties index;

    @Test
    void twoSubmissionsOfOneTeamWrittenAtOnceAreBothInTheEntry() throws Exception {
        String entryId = "concurrent-" + UUID.randomUUID();
        String teamKey = "913710022578578009|并发写入测试平台";
        Held held = holdFirstWrite("writer-a", index.writeAlias("entries"));

        CompletableFuture<EntryStore.Saved> a =
                onThread("writer-a", () -> store.save(view(entryId, teamKey, "a"), document(entryId, "a")));
        held.reached();
        store.save(view(entryId, teamKey, "b"), document(entryId, "b"));
        held.release();
        a.get(60, TimeUnit.SECONDS);

        Entry entry =
                indexer.get(index.writeAlias("entries"), entryId, Entry.class).orElseThrow();
        assertThat(entry.submissions())
                .extracting(Entry.EntrySubmission::id)
                .containsExactlyInAnyOrder(id(entryId, "a"), id(entryId, "b"));
        assertThat(entry.versions()).extracting(Entry.Version::number).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aCommitteeDecisionDuringACheckIsKeptInTheFindings() throws Exception {
        String entryId = "concurrent-" + UUID.randomUUID();
        store.save(view(entryId, "913710022578578009|并发裁定测试平台", "a"), document(entryId, "a"));
        assertThat(check.checkAgain(entryId)).isTrue();
        EntryFindings before = indexer.get(index.writeAlias("findings"), entryId, EntryFindings.class)
                .orElseThrow();
        CheckedFinding finding = before.findings().get(0);
        // As a rule change would: the findings in the index differ from what the check now gives, so it writes.
        List<CheckedFinding> stale = new java.util.ArrayList<>(before.findings());
        stale.add(new CheckedFinding(
                new cn.dataelements.contest.compliance.Finding(
                        "WORK_TITLE_FORBIDDEN_WORD",
                        cn.dataelements.contest.compliance.Severity.BLOCKING,
                        "作品名称含有不宜使用的词语",
                        cn.dataelements.contest.compliance.Evidence.field("workTitle", "旧规则")),
                "|workTitle|旧规则",
                null));
        indexer.index(
                index.writeAlias("findings"),
                List.of(new IndexItem(entryId, new EntryFindings(entryId, FIRST, stale, List.of()))));
        Held held = holdFirstWrite("checker", index.writeAlias("findings"));

        CompletableFuture<Boolean> recheck = onThread("checker", () -> check.checkAgain(entryId));
        held.reached();
        check.decide(new Decision(
                entryId,
                finding.finding().code(),
                finding.evidenceKey(),
                "OVERRULED",
                "纸质材料已补交",
                "committee",
                Instant.now()));
        held.release();
        recheck.get(60, TimeUnit.SECONDS);

        EntryFindings after = indexer.get(index.writeAlias("findings"), entryId, EntryFindings.class)
                .orElseThrow();
        Optional<CheckedFinding> decided = after.findings().stream()
                .filter(f -> f.evidenceKey().equals(finding.evidenceKey())
                        && f.finding().code().equals(finding.finding().code()))
                .findFirst();
        assertThat(decided)
                .hasValueSatisfying(f -> assertThat(f.decision().verdict()).isEqualTo("OVERRULED"));
    }

    /** Holds the first conditional write of one thread to one alias until released. */
    private Held holdFirstWrite(String thread, String alias) {
        Held held = new Held();
        AtomicBoolean first = new AtomicBoolean(true);
        doAnswer(invocation -> {
                    if (Thread.currentThread().getName().equals(thread)
                            && alias.equals(invocation.getArgument(0))
                            && first.compareAndSet(true, false)) {
                        held.arrive();
                    }
                    return invocation.callRealMethod();
                })
                .when(indexer)
                .writeIfUnchanged(any(), any(), any(), any());
        return held;
    }

    /** A writer that has read and is about to write, held until the other writer is done. */
    private static final class Held {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void arrive() throws InterruptedException {
            arrived.countDown();
            assertThat(released.await(60, TimeUnit.SECONDS)).as("released").isTrue();
        }

        void reached() throws InterruptedException {
            assertThat(arrived.await(60, TimeUnit.SECONDS))
                    .as("the first writer read and is about to write")
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
                List.of());
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
