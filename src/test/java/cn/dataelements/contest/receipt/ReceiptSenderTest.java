package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.ENTRY;
import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.mail;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static cn.dataelements.contest.receipt.ReceiptFixtures.teamMail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts through a real SMTP server: GreenMail, in this JVM, on a free port. */
class ReceiptSenderTest {

    @TempDir
    Path data;

    private GreenMail smtp = start(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    @Test
    void aVersionGetsOneReceiptInTheTeamsInbox() throws Exception {
        Receipts receipts = receipts(5);

        assertThat(receipts.acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.SENT);

        MimeMessage received = onlyMessage();
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(TEAM);
        assertThat(received.getSubject()).startsWith("【数据要素×大赛威海选拔赛】已收到您的参赛材料");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat((String) received.getContent()).contains("版本：第 1 版");
        assertThat(files("sent")).containsExactly(Receipts.receiptId(ENTRY, 1) + ".eml");
        assertThat(files("outbox")).isEmpty();
    }

    @Test
    void theSameVersionTwiceSendsOneMessageEvenAfterARestart() throws Exception {
        assertThat(receipts(5).acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.SENT);
        assertThat(receipts(5).acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.ALREADY_HANDLED);
        Receipts restarted = receipts(5);
        assertThat(restarted.acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.ALREADY_HANDLED);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void eachVersionGetsItsOwnReceipt() throws Exception {
        Receipts receipts = receipts(5);

        receipts.acknowledge(teamMail(), content(1));
        receipts.acknowledge(teamMail(), content(2));

        assertThat(smtp.getReceivedMessages())
                .extracting(m -> (String) m.getContent())
                .satisfiesExactly(
                        first -> assertThat(first).contains("版本：第 1 版"),
                        second -> assertThat(second).contains("版本：第 2 版"));
    }

    @Test
    void pastTheRateLimitAReceiptIsRecordedAsSkippedNotSent() throws Exception {
        Receipts receipts = receipts(2);

        assertThat(List.of(
                        receipts.acknowledge(teamMail(), content(1)),
                        receipts.acknowledge(teamMail(), content(2)),
                        receipts.acknowledge(teamMail(), content(3)),
                        receipts.acknowledge(mail("other@example.cn", List.of()), content(4))))
                .containsExactly(
                        ReceiptOutcome.SENT, ReceiptOutcome.SENT, ReceiptOutcome.RATE_LIMITED, ReceiptOutcome.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(files("skipped")).containsExactly(Receipts.receiptId(ENTRY, 3) + ".eml");
        assertThat(receipts.acknowledge(teamMail(), content(3))).isEqualTo(ReceiptOutcome.ALREADY_HANDLED);
    }

    @Test
    void aRestartKeepsTheRateLimitOfTheReceiptsAlreadySent() throws Exception {
        Receipts before = receipts(2);
        assertThat(before.acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.SENT);
        assertThat(before.acknowledge(teamMail(), content(2))).isEqualTo(ReceiptOutcome.SENT);

        Receipts after = receipts(2);

        assertThat(after.acknowledge(teamMail(), content(3))).isEqualTo(ReceiptOutcome.RATE_LIMITED);
        assertThat(after.acknowledge(mail("other@example.cn", List.of()), content(4)))
                .isEqualTo(ReceiptOutcome.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void anAutoReplyGetsNoReceiptAndLeavesNoTrace() throws Exception {
        Receipts receipts = receipts(5);

        assertThat(receipts.acknowledge(mail(TEAM, List.of(), "Auto-Submitted", "auto-replied"), content(1)))
                .isEqualTo(ReceiptOutcome.NOT_ANSWERED);

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(files("outbox")).isEmpty();
        assertThat(files("sent")).isEmpty();
    }

    @Test
    void whileTheServerIsDownTheReceiptWaitsInTheOutboxAndFlushSendsItOnce() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Receipts receipts = receipts(5, port);

        assertThat(receipts.acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(files("outbox")).containsExactly(Receipts.receiptId(ENTRY, 1) + ".eml");
        assertThat(receipts.flush()).isZero();

        smtp = start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        assertThat(receipts.flush()).isEqualTo(1);
        assertThat(receipts.flush()).isZero();

        assertThat(onlyMessage().getSubject()).contains("已收到您的参赛材料");
        assertThat(files("outbox")).isEmpty();
        assertThat(files("sent")).containsExactly(Receipts.receiptId(ENTRY, 1) + ".eml");
    }

    @Test
    void switchedOffNothingIsWrittenOrSent() throws Exception {
        ReceiptProperties on =
                properties(data.resolve("receipts"), smtp.getSmtp().getPort(), 5);
        Receipts off = new Receipts(new ReceiptProperties(
                false,
                on.protocol(),
                on.host(),
                on.port(),
                on.startTls(),
                on.username(),
                on.password(),
                on.from(),
                on.fromName(),
                on.subjectPrefix(),
                on.maxPerRecipient(),
                on.ratePeriod(),
                on.dir(),
                on.flushEvery(),
                on.timeout()));

        assertThat(off.acknowledge(teamMail(), content(1))).isEqualTo(ReceiptOutcome.DISABLED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(data.resolve("receipts")).doesNotExist();
    }

    private Receipts receipts(int maxPerRecipient) {
        return receipts(maxPerRecipient, smtp.getSmtp().getPort());
    }

    private Receipts receipts(int maxPerRecipient, int port) {
        return new Receipts(properties(data.resolve("receipts"), port, maxPerRecipient), Clock.systemUTC());
    }

    private MimeMessage onlyMessage() {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        return smtp.getReceivedMessages()[0];
    }

    private List<String> files(String folder) throws IOException {
        try (var names = Files.list(data.resolve("receipts").resolve(folder))) {
            return names.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static GreenMail start(ServerSetup setup) {
        GreenMail server = new GreenMail(setup);
        server.start();
        return server;
    }
}
