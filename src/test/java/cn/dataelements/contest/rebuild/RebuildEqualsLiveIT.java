package cn.dataelements.contest.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Eight teams each mail their form and then, from the same address, a proof that names only the work in its subject:
 * live intake joins each proof to its team. A rebuild replays the archive into empty indices in the order of receipt,
 * not in the order of the submissions' ids (sha-256), and must reach the same entries and findings, field by field:
 * in id order, a proof replayed before its form would find no team to join.
 */
@IntakeIT
class RebuildEqualsLiveIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/forms");
    private static final List<String> TEAMS = List.of(
            "20-single-unit.docx",
            "21-bold-headings-no-numbers.docx",
            "22-chapter-di-yi-zhang.docx",
            "23-sections-out-of-order.docx",
            "24-sections-as-boxed-rows.docx",
            "25-chinese-numeral-ascii-dot.docx",
            "26-synonyms-jianjie-jishu-fangan.docx",
            "27-missing-two-sections.docx");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntryRebuild rebuild;

    @Autowired
    ObjectMapper json;

    @Test
    void aRebuildInTheOrderOfReceiptReachesTheEntriesOfLiveIntake() throws Exception {
        byte[] proof = Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"));
        Instant start = Instant.parse("2025-07-01T02:00:00Z");
        List<RawMail> received = new ArrayList<>();
        for (int i = 0; i < TEAMS.size(); i++) {
            JsonNode expected =
                    json.readTree(FORMS.resolve(TEAMS.get(i) + ".expected.json").toFile());
            String subject = expected.at("/track/name").asText() + "-"
                    + expected.at("/units/0/name").asText() + "-"
                    + expected.get("workTitle").asText();
            String sender = "rebuild-" + i + "@example.cn";
            RawMail form = new RawMail(subject)
                    .from(sender)
                    .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORMS.resolve(TEAMS.get(i))));
            RawMail addition = new RawMail(subject).from(sender).attach("应用案例证明.pdf", "application/pdf", proof);
            Instant formAt = start.plusSeconds(10L * i);
            // every other proof arrives in the same second as its form: the UID decides between them
            Instant proofAt = i % 2 == 0 ? formAt : formAt.plusSeconds(3);
            TestMailServer.deliver(TestMailServer.USER, form.bytes(), Date.from(formAt));
            TestMailServer.deliver(TestMailServer.USER, addition.bytes(), Date.from(proofAt));
            received.add(form);
            received.add(addition);
        }
        IndexedSubmissions index = new IndexedSubmissions(client);
        List<String> ids = received.stream()
                .map(m -> index.awaitSubmission(m.messageId()).get("id").toString())
                .toList();
        assertThat(ids)
                .as("the ids' order is not the order of receipt")
                .isNotEqualTo(ids.stream().sorted().toList());

        Map<String, Entry> live = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += 2) {
            String proofId = ids.get(i + 1);
            Entry entry = await("the proof joins team " + i / 2)
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> index.awaitEntryOf(proofId), e -> e.versions().size() == 2);
            assertThat(entry.versions()).extracting(Entry.Version::submissionId).containsExactly(ids.get(i), proofId);
            live.put(entry.id(), entry);
        }
        Map<String, EntryFindings> liveFindings = new LinkedHashMap<>();
        for (String entryId : live.keySet()) {
            liveFindings.put(entryId, findings(entryId));
        }

        RebuildReport report = rebuild.rebuildAll();

        assertThat(report.failures()).isEmpty();
        for (Entry before : live.values()) {
            Entry after = entry(before.id());
            assertThat(after.versions()).as(before.id()).isEqualTo(before.versions());
            assertThat(after.sections()).as(before.id()).isEqualTo(before.sections());
            assertThat(after.materials()).as(before.id()).isEqualTo(before.materials());
            assertThat(after.submissions()).as(before.id()).isEqualTo(before.submissions());
            assertThat(after).as(before.id()).isEqualTo(before);
            EntryFindings findings = findings(before.id());
            assertThat(findings.findings())
                    .as(before.id())
                    .isEqualTo(liveFindings.get(before.id()).findings());
            assertThat(findings.conflicts())
                    .as(before.id())
                    .isEqualTo(liveFindings.get(before.id()).conflicts());
        }
    }

    private Entry entry(String id) throws Exception {
        return client.get(g -> g.index("contest-entries").id(id), Entry.class).source();
    }

    private EntryFindings findings(String entryId) throws Exception {
        return client.get(g -> g.index("contest-findings").id(entryId), EntryFindings.class)
                .source();
    }
}
