package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.mail;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static cn.dataelements.contest.receipt.ReceiptFixtures.submission;
import static cn.dataelements.contest.receipt.ReceiptFixtures.teamMail;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.support.TestDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Receipts through a real SMTP server: GreenMail, in this JVM, on a free port. */
class ReceiptSenderTest {

    private final TestDatabase db = TestDatabase.fresh();

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
        assertThat(states("SENT")).containsExactly(Receipts.receiptId(submission(1)));
        assertThat(states("OUTBOX")).isEmpty();
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
        assertThat(states("SKIPPED")).containsExactly(Receipts.receiptId(submission(3)));
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
        assertThat(states("OUTBOX")).hasSize(3);
        assertThat(receipts(5, 2, clock).flush())
                .as("a restart keeps the hour's count")
                .isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(receipts.flush()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(61));
        assertThat(receipts.flush()).isEqualTo(1);

        assertThat(states("OUTBOX")).isEmpty();
        assertThat(states("SENT")).hasSize(5);
        assertThat(states("SKIPPED")).isEmpty();
    }

    @Test
    void anAddressGetsReceiptsAgainOnceItsWindowHasPassed() throws Exception {
        ReceiptFixtures.MovableClock clock = new ReceiptFixtures.MovableClock(Instant.now());
        Receipts receipts = receipts(2, 600, clock);
        receipts.prepare(submission(1), teamMail(), "", content(1));
        receipts.prepare(submission(2), teamMail(), "", content(2));
        assertThat(receipts.prepare(submission(3), teamMail(), "", content(3))).isEqualTo(ReceiptOutcome.RATE_LIMITED);

        clock.advance(Duration.ofMinutes(61));

        assertThat(receipts.prepare(submission(4), teamMail(), "", content(4))).isEqualTo(ReceiptOutcome.QUEUED);
    }

    @Test
    void anAutoReplyGetsNoReceiptAndTheDecisionIsKept() throws Exception {
        Receipts receipts = receipts(5);

        assertThat(receipts.prepare(
                        submission(1), mail(TEAM, List.of(), "Auto-Submitted", "auto-replied"), "", content(1)))
                .isEqualTo(ReceiptOutcome.NOT_ANSWERED);
        receipts.flush();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(states("OUTBOX")).isEmpty();
        assertThat(states("SENT")).isEmpty();
        assertThat(states("UNANSWERED")).containsExactly(Receipts.receiptId(submission(1)));
        assertThat(receipts(5).decided(submission(1))).isTrue();
    }

    @Test
    void whileTheServerIsDownTheReceiptWaitsInTheOutboxAndFlushSendsItOnce() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Receipts receipts = receipts(5, port);

        assertThat(receipts.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.QUEUED);
        assertThat(states("OUTBOX")).containsExactly(Receipts.receiptId(submission(1)));
        assertThat(receipts.flush()).isZero();

        smtp = start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        assertThat(receipts.flush()).isEqualTo(1);
        assertThat(receipts.flush()).isZero();

        assertThat(onlyMessage().getSubject()).contains("已收到您的参赛材料");
        assertThat(states("OUTBOX")).isEmpty();
        assertThat(states("SENT")).containsExactly(Receipts.receiptId(submission(1)));
    }

    @Test
    void switchedOffNothingIsWrittenOrSent() throws Exception {
        ReceiptProperties on = properties(smtp.getSmtp().getPort(), 5);
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
                        on.flushEvery(),
                        on.timeout()),
                List::of,
                db.jdbc(),
                db.transactions(),
                Clock.systemUTC());

        assertThat(off.prepare(submission(1), teamMail(), "", content(1))).isEqualTo(ReceiptOutcome.DISABLED);
        assertThat(off.decided(submission(1))).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(db.jdbc()
                        .sql("select count(*) from receipts")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private Receipts receipts(int maxPerRecipient) {
        return receipts(maxPerRecipient, smtp.getSmtp().getPort());
    }

    private Receipts receipts(int maxPerRecipient, int port) {
        return new Receipts(
                properties(port, maxPerRecipient), List::of, db.jdbc(), db.transactions(), Clock.systemUTC());
    }

    private Receipts receipts(int maxPerRecipient, int maxPerHour, Clock clock) {
        return new Receipts(
                properties(smtp.getSmtp().getPort(), maxPerRecipient, maxPerHour),
                List::of,
                db.jdbc(),
                db.transactions(),
                clock);
    }

    private MimeMessage onlyMessage() {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        return smtp.getReceivedMessages()[0];
    }

    /** The receipts in this state, by receipt id. */
    private List<String> states(String state) {
        return db
                .jdbc()
                .sql("select submission_id from receipts where state = ? order by submission_id")
                .param(state)
                .query(String.class)
                .list()
                .stream()
                .map(Receipts::receiptId)
                .toList();
    }

    private static GreenMail start(ServerSetup setup) {
        GreenMail server = new GreenMail(setup);
        server.start();
        return server;
    }
}
