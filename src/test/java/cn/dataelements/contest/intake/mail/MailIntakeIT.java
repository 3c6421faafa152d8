package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mails as they really arrive go in through GreenMail and come out as submissions in the real index. */
@IntakeIT
class MailIntakeIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    ElasticsearchClient client;

    IndexedSubmissions index;

    @BeforeEach
    void setUp() {
        index = new IndexedSubmissions(client);
    }

    @Test
    void chineseFixtureMailsAreIndexedDecodedAndMovedToProcessed() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "gb2312-label-gbk-name-wangzhe.eml", List.of("王喆团队-海洋牧场数据智能平台", "王喆-团队介绍.pdf"),
                "big5-subject-body.eml", List.of("金融服務-香港某某數據有限公司-跨境支付風險監測系統", "作品申報書.pdf"),
                "raw-8bit-gbk-filename.eml", List.of("现代农业-威海市某某科技有限公司-海洋牧场数据智能平台", "数据资源清单.pdf"),
                "gbk-rfc2231-filename.eml", List.of("现代农业-威海市某某科技有限公司-海洋牧场数据智能平台", "作品申报书.docx"),
                "hz-gb2312-subject-body.eml", List.of("现代农业-威海市某某科技有限公司-海洋牧场数据智能平台", "form.docx"),
                "macos-zip-utf8-names.eml", List.of("现代农业-威海市某某科技有限公司-海洋牧场数据智能平台", "申报书.txt"));
        for (String fixture : expected.keySet()) {
            TestMailServer.deliver(Files.readAllBytes(Path.of("src/test/resources/mail", fixture)));
        }

        for (Map.Entry<String, List<String>> each : expected.entrySet()) {
            String messageId = messageIdOf(each.getKey());
            Map<String, Object> submission = index.awaitSubmission(messageId);
            assertThat(submission.get("subject"))
                    .as(each.getKey())
                    .isEqualTo(each.getValue().get(0));
            assertThat(fileNames(submission))
                    .as(each.getKey())
                    .contains(each.getValue().get(1));
            assertThat(submission.get("channel")).isEqualTo("mail");
            awaitFolder(messageId, "Processed");
        }
    }

    @Test
    void theTextOfAnAttachedFormIsSearchable() throws Exception {
        RawMail mail = new RawMail("现代农业-威海市某某科技有限公司-海洋牧场数据智能平台")
                .attach("作品申报书.docx", DOCX, fixture("form-headings-and-table.docx"));
        TestMailServer.deliver(mail.bytes());

        Map<String, Object> submission = index.awaitSubmission(mail.messageId());

        assertThat(fileNames(submission)).containsExactly("作品申报书.docx");
        assertThat(files(submission).get(0).get("text").toString()).contains("作品概述");
        assertThat(files(submission).get(0).get("extracted")).isEqualTo(true);
        assertThat(submission.get("bodyText").toString()).contains("附件为我们的参赛材料");
        awaitFolder(mail.messageId(), "Processed");
    }

    @Test
    void badDocumentsAreProblemsAndAMailThatIsNoMailIsQuarantinedWhileTheRestGoOn() throws Exception {
        RawMail corrupt = new RawMail("商贸流通-损坏的申报书").attach("作品申报书.docx", DOCX, fixture("truncated.docx"));
        RawMail encrypted = new RawMail("交通运输-加密的申报书").attach("作品申报书.docx", DOCX, fixture("encrypted-agile.docx"));
        RawMail good = new RawMail("科技创新-正常的申报书").attach("作品申报书.docx", DOCX, fixture("form-headings-and-table.docx"));
        TestMailServer.deliver(corrupt.bytes());
        TestMailServer.deliver(encrypted.bytes());
        TestMailServer.deliver(Files.readAllBytes(Path.of("src/test/resources/mail/garbage-not-a-mail.eml")));
        TestMailServer.deliver(good.bytes());

        assertThat(problemCodes(index.awaitSubmission(corrupt.messageId()))).contains("EXTRACTION_CORRUPT");
        assertThat(problemCodes(index.awaitSubmission(encrypted.messageId()))).contains("EXTRACTION_ENCRYPTED");
        assertThat(problemCodes(index.awaitSubmission(good.messageId()))).isEmpty();
        awaitFolder(corrupt.messageId(), "Processed");
        awaitFolder(encrypted.messageId(), "Processed");
        awaitFolder(good.messageId(), "Processed");
        await().atMost(Duration.ofSeconds(60)).until(() -> TestMailServer.messagesIn("Quarantine") >= 1);
        Map<String, Object> quarantined = index.awaitLedgerOutcome("QUARANTINED", "Not a mail");
        assertThat(quarantined.get("reason").toString()).contains("无法识别为邮件");
    }

    private static void awaitFolder(String messageId, String folder) {
        await("mail " + messageId + " in " + folder)
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestMailServer.foldersHolding(messageId), folders -> folders.equals(List.of(folder)));
    }

    private static String messageIdOf(String fixture) throws Exception {
        for (String line : Files.readAllLines(
                Path.of("src/test/resources/mail", fixture), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).trim();
            }
        }
        throw new IllegalArgumentException(fixture + " has no Message-ID");
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/extraction", name));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(Map<String, Object> submission) {
        return (List<Map<String, Object>>) submission.get("files");
    }

    private static List<Object> fileNames(Map<String, Object> submission) {
        return files(submission).stream().map(f -> f.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> problemCodes(Map<String, Object> submission) {
        List<Map<String, Object>> problems = (List<Map<String, Object>>) submission.getOrDefault("problems", List.of());
        return problems.stream().map(p -> p.get("code")).toList();
    }
}
