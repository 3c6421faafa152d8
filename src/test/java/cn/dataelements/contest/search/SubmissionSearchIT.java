package cn.dataelements.contest.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An organizer finds a mailed submission through the search API, by words of its subject, and only signed in. */
@IntakeIT
class SubmissionSearchIT {

    private static final String SUBJECT = "智慧海洋-威海市某某渔业有限公司-近海养殖水质预警系统";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SecurityProperties security;

    @Autowired
    ElasticsearchClient client;

    @Test
    void aMailedSubmissionIsFoundByAPhraseOfItsSubjectAndAmongTheNewest() throws Exception {
        RawMail mail = new RawMail(SUBJECT).attach("水质监测说明.txt", "text/plain", "溶解氧".getBytes(StandardCharsets.UTF_8));
        TestMailServer.deliver(mail.bytes());
        new IndexedSubmissions(client).awaitSubmission(mail.messageId());

        HttpResponse<String> found = get("/api/submissions?q=" + URLEncoder.encode("水质预警", StandardCharsets.UTF_8));
        HttpResponse<String> newest = get("/api/submissions");
        HttpResponse<String> other = get("/api/submissions?q=" + URLEncoder.encode("预警水质", StandardCharsets.UTF_8));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"subject\":\"" + SUBJECT + "\"", "\"name\":\"水质监测说明.txt\"");
        assertThat(newest.body()).contains(SUBJECT);
        assertThat(other.body()).doesNotContain(SUBJECT);
    }

    @Test
    void withoutSigningInTheApiAnswers401() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/submissions?q=x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestTokens.bearer(tokens, security.adminUser()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
