package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.RouteHealth;
import cn.dataelements.contest.support.ImapRefusal;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.RouteFileTexts;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mailbox whose server holds things that are no mail, or cannot give or move one mail: the valid mail behind them
 * is taken in within seconds, and the bad item is quarantined, or (when even that fails) skipped and named by health.
 * Each test adds a mailbox route of its own by a route file, some through a proxy that answers NO for one mail.
 */
@IntakeIT
class HostileMailboxIT {

    private static final Path ROUTES = folder();
    /** A valid mail behind a bad item is taken in within this, not after the bad one is dealt with. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IntakeHealth health;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("intake.routes-dir", ROUTES::toString);
        registry.add("intake.routes.rescan-millis", () -> 300);
        registry.add("intake.routes.max-attempts", () -> 3);
    }

    @Test
    void itemsThatAreNoMailAheadOfAValidMailDoNotHoldItUp() throws Exception {
        String account = TestMailServer.account("hostile-raw@contest.local");
        byte[] binary = new byte[4000];
        new Random(20).nextBytes(binary);
        TestMailServer.append(account, binary);
        TestMailServer.append(
                account, Files.readAllBytes(Path.of("src/test/resources/mail/raw-multipart-without-boundary.bin")));
        RawMail valid = new RawMail("应急管理-威海市某某科技有限公司-海上搜救指挥平台");
        TestMailServer.append(account, valid.bytes());
        route("hostile-raw", RouteFileTexts.mailbox(account, "{{intake.mail.password}}"));

        IndexedSubmissions index = new IndexedSubmissions(client);
        await("the valid mail taken in")
                .atMost(PROMPTLY)
                .until(() -> index.find(valid.messageId()).isPresent());
        await("the items that are no mail dealt with")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.messagesIn(account, "Quarantine")
                                + health.of("hostile-raw").skipped().size()
                        == 2);
        assertThat(TestMailServer.messagesIn(account, "Processed")).isEqualTo(1);
        await("nothing waits")
                .atMost(Duration.ofSeconds(30))
                .until(() -> health.of("hostile-raw").waiting() == 0);
    }

    @Test
    void aMailWhoseBodyTheServerRefusesIsQuarantinedAfterItsAttemptsWhileTheMailBehindItGoesOn() throws Exception {
        String account = TestMailServer.account("hostile-nofetch@contest.local");
        RawMail bad = new RawMail("应急管理-无法读取的邮件-" + UUID.randomUUID());
        long badUid = TestMailServer.append(account, bad.bytes());
        RawMail valid = new RawMail("应急管理-威海市某某科技有限公司-防汛物资调度平台");
        try (TcpProxy proxy = new TcpProxy(TestMailServer.imapPort())) {
            proxy.refuse(ImapRefusal.body(badUid));
            TestMailServer.deliver(account, valid.bytes());
            route("hostile-nofetch", RouteFileTexts.mailbox(account, "{{intake.mail.password}}", proxy.port()));

            IndexedSubmissions index = new IndexedSubmissions(client);
            await("the valid mail taken in")
                    .atMost(PROMPTLY)
                    .until(() -> index.find(valid.messageId()).isPresent());
            await("the bad mail quarantined after its attempts")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> TestMailServer.foldersHolding(account, bad.messageId()),
                            List.of("Quarantine")::equals);
            assertThat(index.awaitLedgerOutcome("QUARANTINED", "refused by the test")
                            .get("reason")
                            .toString())
                    .contains("failed 3 times");
            assertThat(TestMailServer.foldersHolding(account, valid.messageId()))
                    .containsExactly("Processed");
            RouteHealth route = health.of("hostile-nofetch");
            assertThat(route.consecutiveFailures())
                    .as("the quarantine ends the failures in a row")
                    .isZero();
            assertThat(route.skipped()).isEmpty();
        }
    }

    @Test
    void aMailTheServerCanNeitherGiveNorMoveIsSkippedAndNamedByHealthWhileMailGoesOn() throws Exception {
        String account = TestMailServer.account("hostile-stuck@contest.local");
        RawMail bad = new RawMail("应急管理-无法读取也无法移动的邮件-" + UUID.randomUUID());
        long badUid = TestMailServer.append(account, bad.bytes());
        RawMail valid = new RawMail("应急管理-威海市某某科技有限公司-渔港安全监测平台");
        try (TcpProxy proxy = new TcpProxy(TestMailServer.imapPort())) {
            proxy.refuse(ImapRefusal.everything(badUid));
            TestMailServer.deliver(account, valid.bytes());
            route("hostile-stuck", RouteFileTexts.mailbox(account, "{{intake.mail.password}}", proxy.port()));

            IndexedSubmissions index = new IndexedSubmissions(client);
            await("the valid mail taken in")
                    .atMost(PROMPTLY)
                    .until(() -> index.find(valid.messageId()).isPresent());
            await("the bad mail skipped")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> health.of("hostile-stuck").skipped(), skipped -> skipped.size() == 1);
            assertThat(health.of("hostile-stuck").skipped().get(0).item()).endsWith("|" + badUid);
            assertThat(health.health().getDetails().get("hostile-stuck").toString())
                    .contains("skipped")
                    .contains("could not be moved to Quarantine");
            assertThat(TestMailServer.foldersHolding(account, bad.messageId())).containsExactly("INBOX");

            RawMail later = new RawMail("应急管理-威海市某某科技有限公司-海洋灾害预警平台");
            TestMailServer.deliver(account, later.bytes());
            await("a later mail taken in as well")
                    .atMost(PROMPTLY)
                    .until(() -> index.find(later.messageId()).isPresent());
            await("the skipped mail is not counted as waiting")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> health.of("hostile-stuck").waiting() == 0);
        }
    }

    private static void route(String name, String text) throws IOException {
        Path temporary = Files.writeString(ROUTES.resolve(name + ".tmp"), text);
        Files.move(temporary, ROUTES.resolve(name + ".camel.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path folder() {
        try {
            return Files.createDirectories(Path.of("target", "it-routes", "hostile-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
