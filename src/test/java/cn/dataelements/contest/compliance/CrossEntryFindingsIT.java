package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person in two teams is a finding on both entries as soon as the second team's mail is in, not only after a
 * re-run; when the second team sends a version without that person, the first entry's finding goes too.
 */
@IntakeIT
class CrossEntryFindingsIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/compliance/forms");
    private static final String SHARED_PERSON = "杨晓东";

    @Autowired
    ElasticsearchClient client;

    @Test
    void bothTeamsShowTheSharedPersonUntilOneOfThemDropsHim() throws Exception {
        byte[] formA = Files.readAllBytes(FORMS.resolve("53-compliance-person-in-two-teams-a.docx"));
        byte[] formB = Files.readAllBytes(FORMS.resolve("54-compliance-person-in-two-teams-b.docx"));
        Entry a = mail("a@example.cn", formA);
        assertThat(codes(a.id())).doesNotContain("PERSON_IN_SEVERAL_TEAMS");

        Entry b = mail("b@example.cn", formB);

        assertThat(codes(b.id())).contains("PERSON_IN_SEVERAL_TEAMS");
        assertThat(codes(a.id())).contains("PERSON_IN_SEVERAL_TEAMS");
        assertThat(findings(a.id()).conflicts()).containsExactly(b.id());
        // The committee sees the other team; the second team's receipt tells nothing of it.
        String receipt = Awaitility.await("the second team's receipt")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.receiptsTo("b@example.cn"), r -> !r.isEmpty())
                .get(0)
                .getContent()
                .toString();
        assertThat(receipt).contains(b.id()).doesNotContain(a.id(), a.workTitle(), "其他团队", SHARED_PERSON);

        Entry bWithoutHim = mail("b@example.cn", DocxText.replace(formB, SHARED_PERSON, "杨晓冬"));

        assertThat(bWithoutHim.id()).isEqualTo(b.id());
        assertThat(codes(b.id())).doesNotContain("PERSON_IN_SEVERAL_TEAMS");
        Awaitility.await("the first team's finding to go")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(codes(a.id())).doesNotContain("PERSON_IN_SEVERAL_TEAMS"));
        assertThat(findings(a.id()).conflicts()).isEmpty();
    }

    private Entry mail(String from, byte[] form) throws Exception {
        return new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("参赛作品申报").from(from).attach("作品申报书.docx", DOCX, form));
    }

    private EntryFindings findings(String entryId) throws IOException {
        return client.get(g -> g.index("contest-findings").id(entryId), EntryFindings.class)
                .source();
    }

    private List<String> codes(String entryId) throws IOException {
        return findings(entryId).findings().stream()
                .map(f -> f.finding().code())
                .toList();
    }
}
