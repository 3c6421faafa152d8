package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
        assertThat(joined.versions()).hasSize(2);
        assertThat(joined.problems()).extracting(Problem::code).doesNotContain("TEAM_MATCH_UNCERTAIN");

        Entry apart = index.deliverAndAwaitEntry(
                new RawMail("补充材料").from(CONTACT).attach("审计报告.pdf", "application/pdf", Files.readAllBytes(PROOF)));

        assertThat(apart.id()).isNotEqualTo(team.id());
        assertThat(apart.problems())
                .filteredOn(p -> p.code().equals("TEAM_MATCH_UNCERTAIN"))
                .singleElement()
                .satisfies(p -> assertThat(p.detailEn()).contains(team.id()));
    }
}
