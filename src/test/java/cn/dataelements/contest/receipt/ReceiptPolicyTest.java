package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.support.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who gets a receipt, asked of {@link Receipts} as Spring wires it: the configured sender address and every address a
 * {@link ReadAddresses} bean names (in the app: each mailbox route's account) are never answered.
 */
class ReceiptPolicyTest {

    private static final String MAILBOX = "submit@contest.local";
    private static final String SECOND_MAILBOX = "track14@contest.local";

    /** One database for the class: the policy's answers do not depend on it. */
    private static final TestDatabase DB = TestDatabase.fresh();

    @Test
    void aPersonsMailIsAnsweredAtItsFromAddress() {
        assertThat(recipient(mail(TEAM, List.of()), "")).contains(TEAM);
    }

    @Test
    void aReplyToWithinFromsDomainIsUsed() {
        assertThat(recipient(mail(TEAM, List.of("wangzhe@example.cn")), "")).contains("wangzhe@example.cn");
        assertThat(recipient(mail(TEAM, List.of("wangzhe@rd.example.cn")), "")).contains("wangzhe@rd.example.cn");
    }

    @Test
    void aReplyToElsewhereIsIgnoredUnlessTheFormNamesItAsTheContact() {
        assertThat(recipient(mail(TEAM, List.of("victim@other.example.com")), ""))
                .contains(TEAM);
        assertThat(recipient(mail(TEAM, List.of("victim@notexample.cn")), "")).contains(TEAM);
        assertThat(recipient(mail(TEAM, List.of("wangzhe@163.com")), "WangZhe@163.com"))
                .contains("wangzhe@163.com");
    }

    @Test
    void anInvalidReplyToFallsBackToFrom() {
        assertThat(recipient(mail(TEAM, List.of("王喆", "wangzhe@", "a b@example.cn")), ""))
                .contains(TEAM);
    }

    @Test
    void theFirstAcceptableReplyToIsUsed() {
        assertThat(recipient(
                        mail(
                                TEAM,
                                List.of("not-an-address", "x@elsewhere.com", "lead@example.cn", "second@example.cn")),
                        ""))
                .contains("lead@example.cn");
    }

    @Test
    void noValidAddressAtAllGetsNoReceipt() {
        assertThat(recipient(mail("", List.of()), "")).isEmpty();
        assertThat(recipient(mail("undisclosed", List.of("also wrong")), "")).isEmpty();
    }

    @Test
    void noAddressTheAppReadsOrSendsFromIsEverAnswered() {
        assertThat(recipient(mail("noreply@contest.local", List.of()), "")).isEmpty();
        assertThat(recipient(mail(MAILBOX, List.of()), "")).isEmpty();
        assertThat(recipient(mail("Track14@Contest.local", List.of()), "")).isEmpty();
        assertThat(recipient(mail(TEAM, List.of("Submit@Contest.local")), "submit@contest.local"))
                .contains(TEAM);
        assertThat(recipient(mail("someone@contest.local", List.of(SECOND_MAILBOX)), ""))
                .contains("someone@contest.local");
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
        assertThat(recipient(mail(TEAM, List.of(), header, value), "")).isEmpty();
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
        assertThat(recipient(mail(TEAM, List.of(), header, value), "")).contains(TEAM);
    }

    @Test
    void aBounceFromAMailerDaemonGetsNoReceipt() {
        assertThat(recipient(mail("MAILER-DAEMON@mx.example.cn", List.of()), ""))
                .isEmpty();
        assertThat(recipient(mail("postmaster@example.cn", List.of()), "")).isEmpty();
    }

    @Test
    void anAutomaticMailWithAReplyToStillGetsNone() {
        assertThat(recipient(mail(TEAM, List.of("wangzhe@example.cn"), "Auto-Submitted", "auto-replied"), ""))
                .isEmpty();
    }

    private Optional<String> recipient(ReadSubmission.Sender sender, String formContact) {
        Optional<String>[] answer = new Optional[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(ReceiptBeans.class)
                .withBean(JdbcClient.class, DB::jdbc)
                .withBean(TransactionTemplate.class, DB::transactions)
                .run(app -> answer[0] = app.getBean(Receipts.class).recipientOf(sender, formContact));
        return answer[0];
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReceiptProperties.class)
    @Import(Receipts.class)
    static class ReceiptBeans {

        @Bean
        ReadAddresses mailboxes() {
            return () -> List.of(MAILBOX, SECOND_MAILBOX);
        }
    }
}
