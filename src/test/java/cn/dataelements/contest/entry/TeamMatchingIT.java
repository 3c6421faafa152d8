package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.rebuild.EntryRebuild;
import cn.dataelements.contest.rebuild.RebuildProgress;
import cn.dataelements.contest.rebuild.RebuildReport;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team's later mail joins its entry when it comes from the contact the form names, even from another address than
 * the form's; a mail from that contact that does not name the work is flagged for a person and kept apart.
 */
@IntakeIT
class TeamMatchingIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORM = Path.of("src/test/resources/forms/07-word-auto-numbering.docx");
    private static final Path PROOF = Path.of("src/test/resources/extraction/chinese-text.pdf");
    /** The contact e-mail written in the form (see its .expected.json); the form itself comes from the unit's office. */
    private static final String CONTACT = "qu57@proj1430.example.com";

    @Autowired
    ElasticsearchClient client;

    @Test
    void aProofFromTheFormsContactJoinsTheTeamAndOneWithoutTheWorkTitleIsFlagged() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        Entry team = index.deliverAndAwaitEntry(new RawMail("文化旅游-威海市文脉数字科技有限公司-刘公岛文物数字化保护平台")
                .from("office@wenmai.example.cn")
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORM)));

        Entry joined = index.deliverAndAwaitEntry(new RawMail("文化旅游-威海市文脉数字科技有限公司-刘公岛文物数字化保护平台")
                .from(CONTACT)
                .attach("应用案例证明.pdf", "application/pdf", Files.readAllBytes(PROOF)));

        assertThat(joined.id()).isEqualTo(team.id());
        // the team may have mailed before in this JVM's run (the rebuild test below uses the same form)
        assertThat(joined.versions()).hasSize(team.versions().size() + 1);
        assertThat(joined.problems()).extracting(Problem::code).doesNotContain("TEAM_MATCH_UNCERTAIN");

        Entry apart = index.deliverAndAwaitEntry(
                new RawMail("补充材料").from(CONTACT).attach("审计报告.pdf", "application/pdf", Files.readAllBytes(PROOF)));

        assertThat(apart.id()).isNotEqualTo(team.id());
        assertThat(apart.problems())
                .filteredOn(p -> p.code().equals("TEAM_MATCH_UNCERTAIN"))
                .singleElement()
                .satisfies(p -> assertThat(p.detailEn()).contains(team.id()));
    }

    @Autowired
    EntryRebuild rebuild;

    @Autowired
    JdbcClient db;

    @Autowired
    Entries entries;

    /**
     * A rebuild is held after its new indices took the writes and before its replay reaches the team; a later mail of
     * the team arrives then, and must find its team: team look-ups read the database, which a rebuild never empties.
     */
    @Test
    void aLiveMailDuringARebuildJoinsItsTeam() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        Entry team = index.deliverAndAwaitEntry(new RawMail("文化旅游-威海市文脉数字科技有限公司-刘公岛文物数字化保护平台")
                .from("office@wenmai.example.cn")
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORM)));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RebuildReport> rebuilt = CompletableFuture.supplyAsync(() -> {
            try {
                return rebuild.rebuildAll(false, new RebuildProgress() {
                    @Override
                    public void started(int submissions) {
                        held.countDown();
                        try {
                            release.await(2, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void done(boolean ok) {}
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(held.await(2, TimeUnit.MINUTES))
                .as("the rebuild made its new indices")
                .isTrue();

        RawMail live = new RawMail("文化旅游-威海市文脉数字科技有限公司-刘公岛文物数字化保护平台")
                .from(CONTACT)
                .attach("数据来源证明.pdf", "application/pdf", Files.readAllBytes(PROOF));
        TestMailServer.deliver(live.bytes());
        String joined = await("the live mail taken in during the rebuild")
                .atMost(Duration.ofMinutes(1))
                .until(
                        () -> db.sql("select entry_id from submissions where document->'source'->>'messageId' = ?")
                                .param(live.messageId())
                                .query(String.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(rebuilt).isNotDone();
        assertThat(joined).isEqualTo(team.id());

        release.countDown();
        assertThat(rebuilt.get(5, TimeUnit.MINUTES).failures()).isEmpty();
        String liveId = index.awaitSubmission(live.messageId()).get("id").toString();
        assertThat(entries.find(team.id()).orElseThrow().submissions())
                .extracting(Entry.EntrySubmission::id)
                .contains(liveId);
        assertThat(index.awaitEntryOf(liveId).id()).isEqualTo(team.id());
    }
}
