package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team mails its form, then a mail adding a missing proof, then the same mail again: one entry with two versions,
 * the second complete, and the repeat counted as a duplicate.
 */
@IntakeIT
class EntryVersionsIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/forms");

    private static final String TEAM = "lanhai-team@example.cn";
    private static final String ROBOT = "vacation-robot@example.cn";

    @Autowired
    ElasticsearchClient client;

    @Test
    void aLaterMailAddsAFileToTheTeamsEntryAndTheSameMailAgainIsADuplicate() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        byte[] proof = Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"));
        RawMail first = new RawMail("现代农业-威海蓝海牧场信息技术有限公司-海洋牧场数据智能平台")
                .from(TEAM)
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORMS.resolve("02-plain-paragraphs-arabic-dot.docx")));
        TestMailServer.deliver(first.bytes());
        String firstId = index.awaitSubmission(first.messageId()).get("id").toString();
        Entry one = index.awaitEntryOf(firstId);
        assertThat(one.teamKey()).isEqualTo("913710826782565367|海洋牧场数据智能平台");

        // Only the missing proof, from the same sender, the work named in the subject: it joins the team's entry.
        RawMail addition =
                new RawMail("现代农业-威海蓝海牧场信息技术有限公司-海洋牧场数据智能平台").from(TEAM).attach("应用案例证明.pdf", "application/pdf", proof);
        byte[] additionBytes = addition.bytes();
        TestMailServer.deliver(additionBytes);
        String secondId = index.awaitSubmission(addition.messageId()).get("id").toString();
        TestMailServer.deliver(additionBytes);
        index.awaitLedger(addition.messageId(), "DUPLICATE");

        Entry entry = index.awaitEntryOf(secondId);
        assertThat(entry.id()).isEqualTo(one.id());
        assertThat(entry.versions()).extracting(Entry.Version::submissionId).containsExactly(firstId, secondId);
        assertThat(entry.versions().get(0).materials())
                .extracting(Material::kind)
                .containsExactly(MaterialKind.APPLICATION_FORM);
        assertThat(entry.versions().get(1).materials())
                .extracting(Material::kind)
                .containsExactlyInAnyOrder(MaterialKind.APPLICATION_FORM, MaterialKind.PROOF_APPLICATION_CASE);
        assertThat(entry.currentVersion()).isEqualTo(2);
        assertThat(index.submissionsOf(addition.messageId())).hasSize(1);
        assertThat(entry.workTitle()).isEqualTo("海洋牧场数据智能平台");
        assertThat(entry.sections()).allMatch(FormSection::found);

        // One receipt per version, none for the duplicate.
        await("two receipts")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.receivedBy(TEAM).size() >= 2);
        List<MimeMessage> receipts = TestMailServer.receivedBy(TEAM);
        assertThat(receipts).hasSize(2);
        assertThat(receipts)
                .allSatisfy(r -> assertThat(r.getHeader("Auto-Submitted")).containsExactly("auto-replied"));
        assertThat(receipts.get(1).getContent().toString()).contains("应用案例证明.pdf");

        // An automatic reply is taken in, and gets no receipt.
        RawMail outOfOffice = new RawMail("自动回复：我正在休假").from(ROBOT).autoReply();
        TestMailServer.deliver(outOfOffice.bytes());
        index.awaitSubmission(outOfOffice.messageId());
        await("auto-reply processed")
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        TestMailServer.foldersHolding(outOfOffice.messageId()).contains("Processed"));
        assertThat(TestMailServer.receivedBy(ROBOT)).isEmpty();
        assertThat(TestMailServer.receivedBy(TEAM)).hasSize(2);
    }
}
