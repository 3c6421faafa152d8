package cn.dataelements.contest.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Receipts of real intake: where they go, and one for each of several mails of one team received in one second. */
@IntakeIT
class ReceiptsIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Path FORMS = Path.of("src/test/resources/forms");

    @Autowired
    ElasticsearchClient client;

    @Test
    void aReplyToTheAppReadsOrOfAStrangerIsNotWhereTheReceiptGoes() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        RawMail toOurselves =
                new RawMail("科技创新-回复地址测试一-作品").from("loop@example.cn").replyTo(TestMailServer.USER);
        RawMail toAStranger =
                new RawMail("科技创新-回复地址测试二-作品").from("owner@example.cn").replyTo("victim@elsewhere.example.com");
        RawMail toAColleague =
                new RawMail("科技创新-回复地址测试三-作品").from("office@unit.example.cn").replyTo("lead@rd.unit.example.cn");
        for (RawMail mail : List.of(toOurselves, toAStranger, toAColleague)) {
            TestMailServer.deliver(mail.bytes());
            index.awaitSubmission(mail.messageId());
        }

        await("three receipts")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.receiptsTo("loop@example.cn").size()
                                + TestMailServer.receiptsTo("owner@example.cn").size()
                                + TestMailServer.receiptsTo("lead@rd.unit.example.cn")
                                        .size()
                        == 3);
        assertThat(TestMailServer.receiptsTo(TestMailServer.USER)).isEmpty();
        assertThat(TestMailServer.receiptsTo("victim@elsewhere.example.com")).isEmpty();
        assertThat(TestMailServer.receiptsTo("office@unit.example.cn")).isEmpty();
    }

    @Test
    void mailsOfOneTeamReceivedInOneSecondGetVersionsInTheirOrderAndAReceiptEach() throws Exception {
        byte[] form = Files.readAllBytes(FORMS.resolve("03-fullwidth-digits.docx"));
        String team = "same-second@example.cn";
        Date oneSecond = Date.from(Instant.parse("2025-06-10T01:30:00Z"));
        List<RawMail> mails = List.of(
                new RawMail("商贸流通-同秒测试-跨境电商海产品供应链数据服务平台").from(team).body("第一封").attach("作品申报书.docx", DOCX, form),
                new RawMail("商贸流通-同秒测试-跨境电商海产品供应链数据服务平台").from(team).body("第二封").attach("作品申报书.docx", DOCX, form),
                new RawMail("商贸流通-同秒测试-跨境电商海产品供应链数据服务平台").from(team).body("第三封").attach("作品申报书.docx", DOCX, form));
        for (RawMail mail : mails) {
            TestMailServer.deliver(TestMailServer.USER, mail.bytes(), oneSecond);
        }
        IndexedSubmissions index = new IndexedSubmissions(client);
        List<String> ids = mails.stream()
                .map(m -> index.awaitSubmission(m.messageId()).get("id").toString())
                .toList();

        Entry entry = await("one entry of three versions")
                .atMost(Duration.ofSeconds(60))
                .until(() -> index.awaitEntryOf(ids.get(2)), e -> e.versions().size() == 3);
        assertThat(entry.versions()).extracting(Entry.Version::submissionId).containsExactlyElementsOf(ids);
        assertThat(entry.versions()).extracting(Entry.Version::number).containsExactly(1, 2, 3);
        assertThat(entry.versions()).extracting(Entry.Version::receivedAt).containsOnly(oneSecond.toInstant());
        assertThat(entry.currentVersion()).isEqualTo(3);

        List<MimeMessage> receipts = await("a receipt for each mail")
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.receiptsTo(team), r -> r.size() >= 3);
        assertThat(receipts).hasSize(3);
        assertThat(receipts)
                .extracting(r -> r.getContent().toString().replaceAll("(?s).*版本：第 (\\d+) 版.*", "$1"))
                .containsExactlyInAnyOrder("1", "2", "3");
    }
}
