package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptPolicyTest {

    private final ReceiptPolicy policy = new ReceiptPolicy(Set.of("noreply@contest.local", "submit@contest.local"));

    @Test
    void aPersonsMailIsAnsweredAtItsFromAddress() {
        assertThat(policy.shouldReply(mail(TEAM, List.of()))).contains(TEAM);
    }

    @Test
    void replyToWinsOverFrom() {
        assertThat(policy.shouldReply(mail(TEAM, List.of("wangzhe@example.com"))))
                .contains("wangzhe@example.com");
    }

    @Test
    void anInvalidReplyToFallsBackToFrom() {
        assertThat(policy.shouldReply(mail(TEAM, List.of("王喆", "wangzhe@", "a b@example.com"))))
                .contains(TEAM);
    }

    @Test
    void theFirstValidReplyToIsUsed() {
        assertThat(policy.shouldReply(mail(TEAM, List.of("not-an-address", "lead@example.com", "second@example.com"))))
                .contains("lead@example.com");
    }

    @Test
    void noValidAddressAtAllGetsNoReceipt() {
        assertThat(policy.shouldReply(mail("", List.of()))).isEmpty();
        assertThat(policy.shouldReply(mail("undisclosed", List.of("also wrong"))))
                .isEmpty();
    }

    @Test
    void ourOwnAddressesAreNeverAnswered() {
        assertThat(policy.shouldReply(mail("noreply@contest.local", List.of()))).isEmpty();
        assertThat(policy.shouldReply(mail(TEAM, List.of("Submit@Contest.local"))))
                .contains(TEAM);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Auto-Submitted|auto-replied",
                "Auto-Submitted|auto-generated",
                "Auto-Submitted|auto-notified; owner-email=\"x@example.cn\"",
                "Precedence|bulk",
                "Precedence|List",
                "Precedence|junk",
                "List-Id|数据要素交流群 <dataelements.lists.example.cn>",
                "Return-Path|<>",
                "Return-Path|< >",
                "Return-Path|<MAILER-DAEMON@mx.example.cn>",
                "Return-Path|<postmaster@example.cn>",
                "Content-Type|multipart/report; report-type=delivery-status; boundary=\"b1\"",
                "Content-Type|multipart/report; report-type=disposition-notification; boundary=\"b2\"",
                "X-Auto-Response-Suppress|All",
                "X-Auto-Response-Suppress|DR, AutoReply",
                "X-Auto-Response-Suppress|OOF,autoreply"
            })
    void automaticMailGetsNoReceipt(String header, String value) {
        assertThat(policy.shouldReply(mail(TEAM, List.of(), header, value))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Auto-Submitted|no",
                "Auto-Submitted|No (sent by a person)",
                "Precedence|first-class",
                "Return-Path|<haiyang@example.cn>",
                "Content-Type|multipart/mixed; boundary=\"b3\"",
                "X-Auto-Response-Suppress|OOF",
                "X-Auto-Response-Suppress|DR, RN, NRN"
            })
    void headersThatDoNotMarkAutomaticMailKeepTheReceipt(String header, String value) {
        assertThat(policy.shouldReply(mail(TEAM, List.of(), header, value))).contains(TEAM);
    }

    @Test
    void aBounceFromAMailerDaemonGetsNoReceipt() {
        assertThat(policy.shouldReply(mail("MAILER-DAEMON@mx.example.cn", List.of())))
                .isEmpty();
        assertThat(policy.shouldReply(mail("postmaster@example.cn", List.of()))).isEmpty();
    }

    @Test
    void anAutomaticMailWithAReplyToStillGetsNone() {
        assertThat(policy.shouldReply(mail(TEAM, List.of("wangzhe@example.com"), "Auto-Submitted", "auto-replied")))
                .isEmpty();
    }
}
