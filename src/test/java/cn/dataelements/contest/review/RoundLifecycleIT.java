package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round as the guide runs it, through the review's own services: advancement waits for the round to close; two
 * entries tied at the line are each decided with a reason; once the next round has opened from the advancement list,
 * that list is frozen.
 */
@IntakeIT
class RoundLifecycleIT {

    private static final String FIRST = "lifecycle-first";
    private static final String NEXT = "lifecycle-next";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    AccountStore accounts;

    @Autowired
    Rounds rounds;

    @Autowired
    Assignments assignments;

    @Autowired
    Scores scores;

    @Autowired
    Standings standings;

    @Autowired
    Advancements advancements;

    @Test
    void aTieIsDecidedWithAReasonAndAdvancementFreezesOnceTheNextRoundOpens() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Entry one = entry("工业制造-威海流程一科技有限公司-流程平台甲" + tag);
        Entry two = entry("工业制造-威海流程二科技有限公司-流程平台乙" + tag);
        String reviewer = "lifecycle-" + tag;
        accounts.create(
                new AccountStore.Change(
                        reviewer, "周评审", "a-long-lifecycle-password", Set.of(Role.REVIEWER), "山东大学", "", "", "", true),
                "test");
        rounds.open(FIRST, "organizer");
        for (Entry entry : List.of(one, two)) {
            assignments.assign(FIRST, entry.id(), reviewer, "organizer");
            scores.record(List.of(new Score(
                    FIRST,
                    entry.id(),
                    reviewer,
                    Map.of("technology", new BigDecimal("80")),
                    "",
                    "page",
                    reviewer,
                    Instant.now())));
        }

        assertThatThrownBy(() -> standings.set(FIRST, one.id(), true, "", "organizer"))
                .hasMessage("本轮尚未结束，不能确定晋级。");
        rounds.close(FIRST, "organizer", Map.of());

        assertThat(standings.of(FIRST).stream().filter(Ranking.Track::tieAtCutoff))
                .as("80 and 80 with one place")
                .isNotEmpty();
        assertThatThrownBy(() -> standings.set(FIRST, one.id(), true, "", "organizer"))
                .hasMessageContaining("并列：请写明决定的理由");
        standings.set(FIRST, one.id(), true, "应用落地更充分（评审委员会合议）", "organizer");
        assertThat(advancements.of(FIRST, one.id()).orElseThrow().note()).contains("应用落地更充分");

        assertThat(rounds.open(NEXT, "organizer"))
                .extracting(RoundEntry::entryId)
                .containsExactly(one.id());
        assertThatThrownBy(() -> standings.set(FIRST, two.id(), true, "补录", "organizer"))
                .hasMessageContaining("下一轮已开启");
        assertThat(advancements.advanced(FIRST)).containsExactly(one.id());
    }

    private Entry entry(String subject) throws Exception {
        Entry entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail(subject)
                        .attach(
                                "证明材料.pdf",
                                "application/pdf",
                                Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"))));
        CompliantEntries.overruleBlocking(decisions, entry.id());
        return entry;
    }
}
