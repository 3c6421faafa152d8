package cn.dataelements.contest.intake.portal;

import static cn.dataelements.contest.intake.portal.PortalFixtures.attachment;
import static cn.dataelements.contest.intake.portal.PortalFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.PortalStandIn;
import cn.dataelements.contest.support.RouteFileTexts;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The app, as its own process, is killed while the portal holds page 2 of a poll, then started again: every
 * registration of the listing ends indexed exactly once, none skipped and none taken twice.
 */
@IntakeIT
class PortalCrashIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final int RECORDS = 5;

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void aPollKilledOnPageTwoNeitherSkipsNorDuplicates() throws Exception {
        Path base = Files.createDirectories(
                Path.of("target", "it-portal-crash-" + RUN).toAbsolutePath());
        Path mappings = Files.createDirectories(base.resolve("mappings"));
        Path routes = Files.createDirectories(base.resolve("routes"));
        Files.writeString(
                mappings.resolve("crash-portal.mapping.yaml"),
                Files.readString(Path.of("mappings", "contest-portal.mapping.yaml"))
                        .replace("page-size: 20", "page-size: 2"));
        IndexedSubmissions index = new IndexedSubmissions(client);
        try (PortalStandIn portal = new PortalStandIn()) {
            for (int n = 1; n <= RECORDS; n++) {
                String title = "断点续传测试平台" + RUN + "-" + n;
                portal.file(
                        "申报书-" + RUN + "-" + n + ".docx",
                        PortalFixtures.form(
                                "01-headings-chinese-numerals.docx",
                                "轮胎智能工厂质量数据分析平台",
                                title,
                                "913710033340182272",
                                code(n),
                                "c" + RUN + n));
                portal.put(registration(
                        id(n),
                        title,
                        "工业制造",
                        "威海断点测试" + n + "公司",
                        code(n),
                        "1390000100" + n,
                        "2024-08-2" + n + " 09:00:00",
                        "2024-08-2" + n + " 09:00:00",
                        attachment(portal.baseUrl(), "申报书-" + RUN + "-" + n + ".docx")));
            }
            Files.writeString(
                    routes.resolve("crash-portal.camel.yaml"),
                    RouteFileTexts.portal("crash-portal", portal.baseUrl(), "crash-portal"));
            Map<String, Object> settings = Map.of(
                    "intake.routes-dir", routes, "intake.mappings-dir", mappings, "intake.routes.rescan-millis", 300);
            String account = TestMailServer.account("portal-crash-" + RUN + "@contest.local");

            // the first poll's second listing request: page 2 of the poll, asked for by page 1's last key
            CountDownLatch page2 = portal.holdRequest(2);
            try (AppProcess first = AppProcess.polling("portal-crash-" + RUN, account, elasticsearch, settings)
                    .start()) {
                assertThat(portal.awaitRequest(2, 120))
                        .as("the first poll reached page 2")
                        .isTrue();
                first.kill();
            }
            page2.countDown();
            assertThat(index.byReference(id(1)))
                    .as("page 1 was taken before the kill")
                    .hasSize(1);
            assertThat(index.byReference(id(3)))
                    .as("page 2 was held when the app was killed")
                    .isEmpty();

            try (AppProcess second = AppProcess.polling("portal-crash-" + RUN, account, elasticsearch, settings)
                    .start()) {
                for (int n = 1; n <= RECORDS; n++) {
                    index.awaitByReference(id(n));
                }
                int listings = portal.listingsServed();
                await().atMost(Duration.ofSeconds(60)).until(() -> portal.listingsServed() > listings + 3);
            }
            for (int n = 1; n <= RECORDS; n++) {
                assertThat(index.byReference(id(n))).as(id(n)).hasSize(1);
            }
        }
    }

    private static String id(int n) {
        return "CR" + RUN + "-" + n;
    }

    private static String code(int n) {
        return ("91371002" + RUN.toUpperCase().replaceAll("[^0-9A-Z]", "6") + "0000" + n).substring(0, 17) + n;
    }
}
