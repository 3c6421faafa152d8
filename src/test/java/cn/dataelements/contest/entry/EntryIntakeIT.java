package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mailed application form becomes a normalized entry in the index, served as JSON to a signed-in user, and a
 * rebuild from the archive gives the same entry.
 */
@IntakeIT
class EntryIntakeIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/forms");
    private static final String FORM = "01-headings-chinese-numerals.docx";

    @Autowired
    ApiTokens tokens;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SecurityProperties security;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void aMailedFormBecomesANormalizedEntryServedAsJsonAndRebuiltTheSame() throws Exception {
        JsonNode expected = json.readTree(FORMS.resolve(FORM + ".expected.json").toFile());
        RawMail mail = new RawMail(
                        "工业制造-威海海悦橡胶科技有限公司-" + expected.get("workTitle").asText())
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(FORMS.resolve(FORM)))
                .attach(
                        "营业执照.pdf",
                        "application/pdf",
                        Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf")));
        TestMailServer.deliver(mail.bytes());
        String submissionId = new IndexedSubmissions(client)
                .awaitSubmission(mail.messageId())
                .get("id")
                .toString();

        Entry entry = new IndexedSubmissions(client).awaitEntryOf(submissionId);
        String id = entry.id();
        assertThat(id).startsWith("team-");
        assertThat(entry.versions()).extracting(Entry.Version::submissionId).containsExactly(submissionId);

        assertThat(entry.track()).isEqualTo(new Entry.Track(1, "工业制造"));
        assertThat(entry.workTitle()).isEqualTo(expected.get("workTitle").asText());
        assertThat(entry.units())
                .extracting(Entry.Unit::creditCode)
                .containsExactly("913710033340182272", "123710024312713555");
        assertThat(entry.units().get(0).lead()).isTrue();
        assertThat(entry.sections())
                .extracting(FormSection::key)
                .containsExactly("overview", "solution", "value", "business", "team");
        assertThat(entry.sections()).allMatch(FormSection::found);
        assertThat(entry.sections().get(0).parts())
                .extracting(FormSection.Part::key)
                .containsExactly("background", "industry", "strengths");
        assertThat(entry.materials())
                .extracting(Material::name, Material::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("作品申报书.docx", MaterialKind.APPLICATION_FORM),
                        org.assertj.core.groups.Tuple.tuple("营业执照.pdf", MaterialKind.PROOF_QUALIFICATION));
        assertThat(entry.problems()).isEmpty();
        assertThat(entry.id()).startsWith("team-");
        assertThat(entry.versions()).hasSize(1);

        HttpResponse<String> served = get("/api/entries/" + id, security.adminUser());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(json.readValue(served.body(), Entry.class)).isEqualTo(entry);
        assertThat(get("/api/entries/" + id, null).statusCode()).isEqualTo(401);

        JsonNode findings = json.readTree(
                get("/api/entries/" + id + "/findings", security.adminUser()).body());
        JsonNode missing = null;
        for (JsonNode f : findings.get("findings")) {
            if (f.at("/finding/code").asText().equals("MATERIAL_MISSING")) {
                missing = f;
            }
        }
        assertThat(missing).as("a required proof is missing: " + findings).isNotNull();
        assertThat(missing.at("/finding/severity").asText()).isEqualTo("BLOCKING");
        String decision = json.writeValueAsString(java.util.Map.of(
                "code", "MATERIAL_MISSING",
                "evidenceKey", missing.get("evidenceKey").asText(),
                "verdict", "OVERRULED",
                "reason", "责任声明已在纸质材料中提交"));
        HttpResponse<String> decided = send(
                HttpRequest.newBuilder(uri("/api/entries/" + id + "/decisions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(decision)),
                security.adminUser());
        assertThat(decided.statusCode()).isEqualTo(200);

        HttpResponse<String> started = post("/api/admin/rebuild", security.adminUser());
        assertThat(started.statusCode()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        JsonNode rebuilt = await("rebuild " + job)
                .atMost(Duration.ofMinutes(2))
                .until(
                        () -> json.readTree(get(job, security.adminUser()).body()),
                        status -> !status.get("state").asText().equals("RUNNING"));
        assertThat(rebuilt.get("state").asText()).as(rebuilt.toString()).isEqualTo("DONE");
        assertThat(rebuilt.get("done").asInt()).isEqualTo(rebuilt.get("total").asInt());
        assertThat(rebuilt.at("/report/failures")).isEmpty();
        client.indices().refresh(r -> r.index("contest-entries"));
        assertThat(awaitEntry(id)).isEqualTo(entry);
    }

    private Entry awaitEntry(String id) {
        return await("entry " + id)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            GetResponse<Entry> found =
                                    client.get(g -> g.index("contest-entries").id(id), Entry.class);
                            return found.found() ? found.source() : null;
                        },
                        e -> e != null);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(tokens, user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
