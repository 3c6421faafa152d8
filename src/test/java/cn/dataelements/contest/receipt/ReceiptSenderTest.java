package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.mail;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static cn.dataelements.contest.receipt.ReceiptFixtures.submission;
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
import java.time.Duration;
import java.time.Instant;
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
    void aSubmissionGetsOneReceiptInTheTeamsInbox() throws Exception {
        Receipts receipts = receipts(5);

        assertThat(receipts.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(receipts.decided(submission(1))).isTrue();
        assertThat(receipts.flush()).isEqualTo(1);

        MimeMessage received = onlyMessage();
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(TEAM);
        assertThat(received.getSubject()).startsWith("【数据要素×大赛威海选拔赛】已收到您的参赛材料");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat((String) received.getContent()).contains("版本：第 1 版");
        assertThat(files("sent")).containsExactly(Receipts.receiptId(submission(1)) + ".eml");
        assertThat(files("outbox")).isEmpty();
    }

    @Test
    void theSameSubmissionTwiceSendsOneMessageEvenAfterARestart() throws Exception {
        Receipts first = receipts(5);
        assertThat(first.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(first.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.ALREADY_HANDLED);
        first.flush();
        Receipts restarted = receipts(5);
        assertThat(restarted.prepare(submission(1), teamMail(), "", content(1)))
                .isEqualTo(ReceiptOutcome.ALREADY_HANDLED);
        restarted.flush();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void twoSubmissionsGetTwoReceiptsWhateverVersionTheyName() throws Exception {
        Receipts receipts = receipts(5);

        // The old key (entry and version) made these one receipt: mails of one second shared a version number.
        receipts.prepare(submission(1), teamMail(), "", content(1));
        receipts.prepare(submission(2), teamMail(), "", content(1));
        receipts.flush();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void pastTheRateLimitAReceiptIsRecordedAsSkippedNotSent() throws Exception {
        Receipts receipts = receipts(2);

        assertThat(List.of(
                        receipts.prepare(submission(1), teamMail(), "", content(1)),
                        receipts.prepare(submission(2), teamMail(), "", content(2)),
                        receipts.prepare(submission(3), teamMail(), "", content(3)),
                        receipts.prepare(submission(4), mail("other@example.cn", List.of()), "", content(4))))
                .containsExactly(
                        ReceiptOutcome.QUEUED,
                        ReceiptOutcome.QUEUED,
                        ReceiptOutcome.RATE_LIMITED,
                        ReceiptOutcome.QUEUED);
        assertThat(receipts.flush()).isEqualTo(3);
        assertThat(files("skipped")).containsExactly(Receipts.receiptId(submission(3)) + ".eml");
        assertThat(receipts.prepare(submission(3), teamMail(), "", content(3)))
                .isEqualTo(ReceiptOutcome.ALREADY_HANDLED);
    }

    @Test
    void aRestartKeepsTheRateLimitOfTheReceiptsAlreadySent() throws Exception {
        Receipts before = receipts(2);
        before.prepare(submission(1), teamMail(), "", content(1));
        before.prepare(submission(2), teamMail(), "", content(2));
        assertThat(before.flush()).isEqualTo(2);

        Receipts after = receipts(2);

        assertThat(after.prepare(submission(3), teamMail(), "", content(3))).isEqualTo(ReceiptOutcome.RATE_LIMITED);
        assertThat(after.prepare(submission(4), mail("other@example.cn", List.of()), "", content(4)))
                .isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(after.flush()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void overTheHourlyCapReceiptsWaitInTheOutboxAndGoLaterNoneDropped() throws Exception {
        ReceiptFixtures.MovableClock clock = new ReceiptFixtures.MovableClock(Instant.now());
        Receipts receipts = receipts(5, 2, clock);
        for (int i = 1; i <= 5; i++) {
            assertThat(receipts.prepare(submission(i), mail("team" + i + "@example.cn", List.of()), "", content(1)))
                    .isEqualTo(ReceiptOutcome.QUEUED);
        }

        assertThat(receipts.flush()).isEqualTo(2);
        assertThat(files("outbox")).hasSize(3);
        assertThat(receipts(5, 2, clock).flush())
                .as("a restart keeps the hour's count")
                .isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(receipts.flush()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(61));
        assertThat(receipts.flush()).isEqualTo(1);

        assertThat(files("outbox")).isEmpty();
        assertThat(files("sent")).hasSize(5);
        assertThat(files("skipped")).isEmpty();
    }

    @Test
    void addressesWhoseWindowHasPassedAreForgotten() throws Exception {
        ReceiptFixtures.MovableClock clock = new ReceiptFixtures.MovableClock(Instant.now());
        Receipts receipts = receipts(5, 600, clock);
        for (int i = 1; i <= 3; i++) {
            receipts.prepare(submission(i), mail("team" + i + "@example.cn", List.of()), "", content(1));
        }
        assertThat(receipts.rememberedRecipients()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(61));
        receipts.prepare(submission(4), mail("team4@example.cn", List.of()), "", content(1));

        assertThat(receipts.rememberedRecipients()).isEqualTo(1);
    }

    @Test
    void anAutoReplyGetsNoReceiptAndTheDecisionIsKept() throws Exception {
        Receipts receipts = receipts(5);

        assertThat(receipts.prepare(
                        submission(1), mail(TEAM, List.of(), "Auto-Submitted", "auto-replied"), "", content(1)))
                .isEqualTo(ReceiptOutcome.NOT_ANSWERED);
        receipts.flush();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(files("outbox")).isEmpty();
        assertThat(files("sent")).isEmpty();
        assertThat(files("unanswered")).containsExactly(Receipts.receiptId(submission(1)) + ".txt");
        assertThat(receipts(5).decided(submission(1))).isTrue();
    }

    @Test
    void whileTheServerIsDownTheReceiptWaitsInTheOutboxAndFlushSendsItOnce() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Receipts receipts = receipts(5, port);

        assertThat(receipts.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(files("outbox")).containsExactly(Receipts.receiptId(submission(1)) + ".eml");
        assertThat(receipts.flush()).isZero();

        smtp = start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        assertThat(receipts.flush()).isEqualTo(1);
        assertThat(receipts.flush()).isZero();

        assertThat(onlyMessage().getSubject()).contains("已收到您的参赛材料");
        assertThat(files("outbox")).isEmpty();
        assertThat(files("sent")).containsExactly(Receipts.receiptId(submission(1)) + ".eml");
    }

    @Test
    void switchedOffNothingIsWrittenOrSent() throws Exception {
        ReceiptProperties on =
                properties(data.resolve("receipts"), smtp.getSmtp().getPort(), 5);
        Receipts off = new Receipts(
                new ReceiptProperties(
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
                        on.maxPerHour(),
                        on.dir(),
                        on.flushEvery(),
                        on.timeout()),
                List::of,
                Clock.systemUTC());

        assertThat(off.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.DISABLED);
        assertThat(off.decided(submission(1))).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(data.resolve("receipts")).doesNotExist();
    }

    private Receipts receipts(int maxPerRecipient) {
        return receipts(maxPerRecipient, smtp.getSmtp().getPort());
    }

    private Receipts receipts(int maxPerRecipient, int port) {
        return new Receipts(properties(data.resolve("receipts"), port, maxPerRecipient), List::of, Clock.systemUTC());
    }

    private Receipts receipts(int maxPerRecipient, int maxPerHour, Clock clock) {
        return new Receipts(
                properties(data.resolve("receipts"), smtp.getSmtp().getPort(), maxPerRecipient, maxPerHour),
                List::of,
                clock);
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
