package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pre-check looks at the whole entry as it stands, every file of its current version, whichever mail brought it;
 * and a new watch-list import checks again the entries it, or the import it replaces, names.
 */
@IntakeIT
class WholeEntryFindingsIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String SUBJECT = "现代农业-威海参源数据科技有限公司-海参养殖病害预警数据平台";
    private static final String TEAM = "whole-entry@example.cn";
    private static final String OTHER = "威海蓝湾海洋集团有限公司";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SecurityProperties security;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApiTokens tokens;

    @LocalServerPort
    int port;

    @Test
    void aFindingOfAnEarlierMailsProofStaysAndAListImportChecksTheEntriesItNames() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        Entry first = index.deliverAndAwaitEntry(new RawMail(SUBJECT)
                .from(TEAM)
                .attach("作品申报书.docx", DOCX, Files.readAllBytes(Path.of("src/test/resources/forms/28-cover-page.docx")))
                .attach("应用案例证明.txt", "text/plain; charset=UTF-8", utf8("兹证明" + OTHER + "已在生产中使用本平台。")));
        assertThat(codes(first.id())).contains("PROOF_NAMES_OTHER_ORGANIZATION");

        Entry second = index.deliverAndAwaitEntry(new RawMail(SUBJECT)
                .from(TEAM)
                .attach("知识产权证明.txt", "text/plain; charset=UTF-8", utf8("软件著作权登记证书（样例）")));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.versions()).hasSize(2);
        assertThat(codes(first.id()))
                .as("the proof of the first mail is still part of the entry, and so is its finding")
                .contains("PROOF_NAMES_OTHER_ORGANIZATION");

        JsonNode listed = importDishonest("单位名称,统一社会信用代码\n威海参源数据科技有限公司,91371082554615904G\n");
        assertThat(listed.get("recheckedEntries")).extracting(JsonNode::asText).contains(first.id());
        assertThat(codes(first.id())).contains("UNIT_DISHONEST");

        JsonNode cleared = importDishonest("单位名称,统一社会信用代码\n威海并无此名的测试单位有限公司,\n");
        assertThat(cleared.get("recheckedEntries"))
                .as("named by the import this one replaces")
                .extracting(JsonNode::asText)
                .contains(first.id());
        assertThat(codes(first.id())).doesNotContain("UNIT_DISHONEST");
    }

    private JsonNode importDishonest(String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/admin/lists/dishonest?name=shixin.csv"))
                                .header("Content-Type", "text/csv")
                                .header("Authorization", bearer())
                                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private String bearer() {
        return TestTokens.bearer(tokens, security.adminUser());
    }

    private List<String> codes(String entryId) throws Exception {
        return client
                .get(g -> g.index("contest-findings").id(entryId), EntryFindings.class)
                .source()
                .findings()
                .stream()
                .map(f -> f.finding().code())
                .toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
