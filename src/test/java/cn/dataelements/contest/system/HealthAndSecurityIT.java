package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntakeIT
class HealthAndSecurityIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SecurityProperties security;

    @Test
    void healthIsOpenAndShowsElasticsearchUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"elasticsearch\":{\"status\":\"UP\"");
    }

    @Test
    void healthAnswersInTimeAndSaysDownWhileTheElasticsearchNodeIsFrozen() throws Exception {
        ProcessHandle node = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no local Elasticsearch node among this JVM's children"));
        signal("STOP", node);
        try {
            long began = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(java.time.Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertThat(millis).as("answered within 2 s").isLessThan(2000);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"elasticsearch\":{\"status\":\"DOWN\"");
        } finally {
            signal("CONT", node);
        }
        org.awaitility.Awaitility.await("Elasticsearch up again")
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> get("/actuator/health", null).body().contains("\"elasticsearch\":{\"status\":\"UP\""));
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    @Test
    void metricsAndApiNeedASignedInUser() throws Exception {
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/submissions", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "Bearer ci_not-a-token-anyone-was-given")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theAdminSeesMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/metrics", TestTokens.bearer(tokens, security.adminUser()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm.memory.used");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
