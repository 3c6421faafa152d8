package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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
    JdbcClient db;

    @Autowired
    IntakeLedger ledger;

    /**
     * A ledger line counted once it is written, by its route and outcome. The line is written through the ledger
     * itself: a mail would go to whichever of the suite's app contexts polls the shared mailbox first, and count in that
     * context's registry, not necessarily in this one's.
     */
    @Test
    void aScrapeHoldsTheIntakesSeriesWithCountsThatMatchTheLedger() throws Exception {
        String admin = TestTokens.bearer(tokens, security.adminUser());
        String route = "metrics-check-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(indexed(scrape(admin), route)).isZero();

        ledger.record(route, Outcome.INDEXED, "s-" + route, "<" + route + "@test>", "INBOX", 1, "");
        ledger.record(route, Outcome.INDEXED, "t-" + route, "<t" + route + "@test>", "INBOX", 2, "");
        ledger.record(route, Outcome.DUPLICATE, "s-" + route, "<u" + route + "@test>", "INBOX", 3, "");

        String scrape = scrape(admin);
        assertThat(indexed(scrape, route))
                .as("items counted as the ledger records them")
                .isEqualTo(2.0)
                .isEqualTo((double) ledgerIndexed(route));
        assertThat(scrape)
                .containsPattern(
                        "intake_items_total\\{[^}]*outcome=\"DUPLICATE\"[^}]*route=\"" + route + "\"[^}]*} 1.0")
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

    private long ledgerIndexed(String route) {
        return db.sql("select count(*) from ledger where outcome = 'INDEXED' and route = ?")
                .param(route)
                .query(Long.class)
                .single();
    }

    private static double indexed(String scrape, String route) {
        return INDEXED.matcher(scrape)
                .results()
                .filter(m -> m.group().contains("route=\"" + route + "\""))
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
