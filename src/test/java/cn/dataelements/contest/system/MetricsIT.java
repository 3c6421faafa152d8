package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prometheus' scrape, for admins only: the intake's own series (items by route and outcome, the latency from the
 * channel's time as a histogram, the OCR backlog) and Camel's route metrics; the items counted match the ledger.
 */
@IntakeIT
class MetricsIT {

    private static final Pattern INDEXED =
            Pattern.compile("^intake_items_total\\{[^}]*outcome=\"INDEXED\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SecurityProperties security;

    @Autowired
    AccountStore accounts;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    JdbcClient db;

    @Test
    void aScrapeHoldsTheIntakesSeriesWithCountsThatMatchTheLedger() throws Exception {
        String admin = TestTokens.bearer(tokens, security.adminUser());
        double before = indexed(scrape(admin));
        long ledgerBefore = ledgerIndexed();

        new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海测点科技有限公司-指标测试" + UUID.randomUUID()).body("各位老师好，附件稍后补交。"));
        Awaitility.await("the item counted")
                .atMost(Duration.ofSeconds(30))
                .until(() -> indexed(scrape(admin)) > before);

        String scrape = scrape(admin);
        assertThat(indexed(scrape) - before)
                .as("items counted as the ledger records them")
                .isEqualTo((double) (ledgerIndexed() - ledgerBefore));
        assertThat(scrape)
                .contains("intake_latency_seconds_bucket")
                .contains("intake_ocr_waiting")
                .containsPattern("camel_exchanges_(total|succeeded)");
    }

    @Test
    void onlyAnAdminReadsTheScrape() throws Exception {
        String organizer = "organizer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                new AccountStore.Change(
                        organizer, "组织方", "organizer-password-1", Set.of(Role.ORGANIZER), "威海市大数据中心", "", "", "", true),
                "test");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.bearer(tokens, organizer))
                        .statusCode())
                .isEqualTo(403);
    }

    private long ledgerIndexed() {
        return db.sql("select count(*) from ledger where outcome = 'INDEXED'")
                .query(Long.class)
                .single();
    }

    private static double indexed(String scrape) {
        return INDEXED.matcher(scrape)
                .results()
                .mapToDouble(m -> Double.parseDouble(m.group(1)))
                .sum();
    }

    private String scrape(String authorization) throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", authorization);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
