package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Autowired
    ElasticsearchClient client;

    @Test
    void aLaterMailAddsAFileToTheTeamsEntryAndTheSameMailAgainIsADuplicate() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        byte[] proof = Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"));
        RawMail first = new RawMail("现代农业-威海蓝海牧场信息技术有限公司-海洋牧场数据智能平台")
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORMS.resolve("02-plain-paragraphs-arabic-dot.docx")));
        TestMailServer.deliver(first.bytes());
        String firstId = index.awaitSubmission(first.messageId()).get("id").toString();
        Entry one = index.awaitEntryOf(firstId);
        assertThat(one.teamKey()).isEqualTo("913710826782565367|海洋牧场数据智能平台");

        // Only the missing proof, from the same sender, the work named in the subject: it joins the team's entry.
        RawMail addition = new RawMail("现代农业-威海蓝海牧场信息技术有限公司-海洋牧场数据智能平台").attach("应用案例证明.pdf", "application/pdf", proof);
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
    }
}
