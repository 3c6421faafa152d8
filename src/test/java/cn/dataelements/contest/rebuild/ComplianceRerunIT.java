package cn.dataelements.contest.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.IntakeTestEnvironment;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Organizers add a word to the forbidden-word list and re-run: only the entry whose title has the word gets a new
 * finding; the other entry's findings are left as they were; nothing is fetched from the mailbox again.
 */
@IntakeIT
class ComplianceRerunIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/forms");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntryRebuild rebuild;

    @Test
    void aWordListChangeUpdatesOnlyTheAffectedEntry() throws Exception {
        Entry affected = mail("05-circled-numbers.docx", "金融服务-威海某某科技有限公司-海洋渔业普惠金融信用评估平台");
        Entry other = mail("06-di-yi-bufen.docx", "科技创新-威海某某研究院-海洋科学数据共享服务平台");
        EntryFindings otherBefore = findings(other.id());
        assertThat(codes(findings(affected.id()))).doesNotContain("WORK_TITLE_FORBIDDEN_WORD");
        int inboxBefore = TestMailServer.messagesIn("INBOX");

        Files.writeString(
                IntakeTestEnvironment.complianceDir().resolve("forbidden-words.txt"),
                "\n信用评估\n",
                StandardOpenOption.APPEND);
        RebuildReport report = rebuild.rebuildAll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.changedEntries()).contains(affected.id()).doesNotContain(other.id());
        assertThat(codes(findings(affected.id()))).contains("WORK_TITLE_FORBIDDEN_WORD");
        assertThat(findings(other.id())).isEqualTo(otherBefore);
        assertThat(TestMailServer.messagesIn("INBOX")).isEqualTo(inboxBefore);
    }

    private Entry mail(String form, String subject) throws Exception {
        RawMail mail = new RawMail(subject)
                .from("rerun-" + form.substring(0, 2) + "@example.cn")
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORMS.resolve(form)));
        return new IndexedSubmissions(client).deliverAndAwaitEntry(mail);
    }

    private EntryFindings findings(String entryId) throws Exception {
        return client.get(g -> g.index("contest-findings").id(entryId), EntryFindings.class)
                .source();
    }

    private static List<String> codes(EntryFindings findings) {
        return findings.findings().stream()
                .map(CheckedFinding::finding)
                .map(f -> f.code())
                .toList();
    }
}
