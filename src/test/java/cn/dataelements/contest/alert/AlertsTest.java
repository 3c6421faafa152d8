package cn.dataelements.contest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.receipt.ReceiptProperties;
import cn.dataelements.contest.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.validation.Validation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents against a clock the test moves: a route that stalls gives one mail and one webhook call, ten evaluations
 * while it lasts give none, and its recovery one of each. Against a real SMTP server (GreenMail) and a local HTTP
 * server standing for the webhook.
 */
class AlertsTest {

    private final TestDatabase db = TestDatabase.fresh();
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private HttpServer webhook;

    /** A route whose stall the test switches on and off. */
    private final AlertRule route = now -> stalled.get()
            ? List.of(new AlertRule.Condition("route:mailbox", "收件路由 mailbox 停止收件", "最早等待的一封邮件已等待 31 分钟（上限 30 分钟）"))
            : List.of();

    @BeforeEach
    void start() throws Exception {
        smtp.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            calls.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        webhook.stop(0);
    }

    private Alerts alerts(String format) {
        AlertProperties properties = new AlertProperties(
                true,
                List.of("organizer@contest.local"),
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                format,
                Duration.ofMinutes(1),
                0.10);
        ReceiptProperties mail = new ReceiptProperties(
                true,
                "smtp",
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                false,
                "",
                "",
                "noreply@contest.local",
                "组委会",
                "",
                5,
                Duration.ofHours(1),
                600,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        return new Alerts(List.of(route), new AlertNotifier(properties, mail, new ObjectMapper()), db.jdbc());
    }

    @Test
    void aStalledRouteGivesOneMessageWhenItStartsNoneWhileItLastsAndOneWhenItEnds() throws Exception {
        Alerts alerts = alerts("generic");
        Instant t = Instant.parse("2024-08-31T14:00:00Z");
        assertThat(alerts.evaluate(t)).isEmpty();

        stalled.set(true);
        assertThat(alerts.evaluate(t = t.plusSeconds(60))).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("【告警】收件路由 mailbox 停止收件");
        assertThat(calls)
                .singleElement()
                .asString()
                .contains("\"event\":\"start\"")
                .contains("route:mailbox");
        assertThat(alerts.open()).extracting(Alerts.Incident::key).containsExactly("route:mailbox");

        for (int i = 0; i < 10; i++) {
            assertThat(alerts.evaluate(t = t.plusSeconds(60))).isEmpty();
        }
        assertThat(smtp.getReceivedMessages()).as("no repeat while it lasts").hasSize(1);
        assertThat(calls).hasSize(1);

        stalled.set(false);
        assertThat(alerts.evaluate(t.plusSeconds(60)))
                .singleElement()
                .satisfies(i -> assertThat(i.open()).isFalse());
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("【恢复】收件路由 mailbox 停止收件");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).contains("\"event\":\"end\"");
        assertThat(alerts.open()).isEmpty();
        assertThat(alerts.recent(10))
                .singleElement()
                .satisfies(i -> assertThat(i.endedAt()).isNotNull());
    }

    @Test
    void aWecomRobotGetsItsOwnTextMessage() {
        Alerts alerts = alerts("wecom");
        stalled.set(true);

        alerts.evaluate(Instant.parse("2024-08-31T14:00:00Z"));

        assertThat(calls)
                .singleElement()
                .asString()
                .contains("\"msgtype\":\"text\"")
                .contains("\"content\":\"【告警】收件路由 mailbox 停止收件");
    }

    @Test
    void aWebhookThatIsNotHttpsOrAWrongAddressStopsTheStartNamingTheSetting() {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(new AlertProperties(
                        true, List.of(), "http://hooks.example/abc", "generic", Duration.ofMinutes(1), 0.1)))
                .extracting(v -> v.getMessage())
                .containsExactly("intake.alerts.webhook-url must be an https:// URL (its key is part of it)");
        assertThat(validator.validate(new AlertProperties(
                        true, List.of("not an address"), "", "generic", Duration.ofMinutes(1), 0.1)))
                .extracting(v -> v.getPropertyPath().toString())
                .singleElement()
                .asString()
                .startsWith("mailTo");
    }
}
