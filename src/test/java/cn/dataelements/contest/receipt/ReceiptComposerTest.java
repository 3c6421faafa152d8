package cn.dataelements.contest.receipt;

import static cn.dataelements.contest.receipt.ReceiptFixtures.ENTRY;
import static cn.dataelements.contest.receipt.ReceiptFixtures.TEAM;
import static cn.dataelements.contest.receipt.ReceiptFixtures.content;
import static cn.dataelements.contest.receipt.ReceiptFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.Entry;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptComposerTest {

    private static final Instant NOW = Instant.parse("2025-06-10T02:00:00Z");
    private static final String ID = Receipts.receiptId(ReceiptFixtures.submission(2));
    private static final String INBOUND_ID = "<20250610093000.4711@mail.example.cn>";

    private final Session session = Session.getInstance(new Properties());
    private final ReceiptComposer composer =
            new ReceiptComposer(properties(3025, 5), session, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void headersComeFromConfigurationAndOurOwnData() throws Exception {
        MimeMessage receipt = roundTrip(ReceiptRequest.of(TEAM, INBOUND_ID, content(2)));

        InternetAddress from = (InternetAddress) receipt.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@contest.local");
        assertThat(from.getPersonal()).isEqualTo("数据要素×大赛威海选拔赛组委会");
        assertThat(receipt.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(TEAM);
        assertThat(receipt.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(receipt.getSubject()).isEqualTo("【数据要素×大赛威海选拔赛】已收到您的参赛材料（受理编号 3f9a2c41b7d8）");
        assertThat(receipt.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(receipt.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(receipt.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
        assertThat(receipt.getHeader("Precedence")).isNull();
        assertThat(receipt.getHeader("Reply-To")).isNull();
        assertThat(receipt.getMessageID()).matches("<" + ID + "\\.[0-9a-f-]{36}@contest\\.local>");
    }

    @Test
    void aValidInboundMessageIdThreadsTheReceipt() throws Exception {
        MimeMessage receipt = roundTrip(ReceiptRequest.of(TEAM, INBOUND_ID, content(1)));

        assertThat(receipt.getHeader("In-Reply-To")).containsExactly(INBOUND_ID);
        assertThat(receipt.getHeader("References")).containsExactly(INBOUND_ID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "20250610.4711@mail.example.cn",
                "<no-at-sign>",
                "<a b@example.cn>",
                "<a@example.cn> <b@example.cn>",
                "<a@example.cn>\r\nBcc: victim@example.com",
                "<<a@example.cn>>"
            })
    void anythingElseInTheInboundMessageIdIsNotCopied(String inboundId) throws Exception {
        MimeMessage receipt = roundTrip(ReceiptRequest.of(TEAM, inboundId, content(1)));

        assertThat(receipt.getHeader("In-Reply-To")).isNull();
        assertThat(receipt.getHeader("References")).isNull();
        assertThat(receipt.getHeader("Bcc")).isNull();
    }

    @Test
    void theChineseBodyListsEntryVersionFilesTrackAndWhatToFix() throws Exception {
        MimeMessage receipt = roundTrip(ReceiptRequest.of(TEAM, INBOUND_ID, content(2)));

        assertThat(receipt.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(receipt.getEncoding()).isEqualTo("base64");
        assertThat((String) receipt.getContent()).isEqualTo("""
                您好：

                我们已收到您通过电子邮件提交的参赛材料，受理情况如下。

                受理编号：3f9a2c41b7d8
                作品编号：%s
                版本：第 2 版
                赛道：2 现代农业

                收到的文件（共 2 个）：
                  1. 海洋牧场数据智能平台-作品申报书.docx（作品申报书）
                  2. 营业执照.pdf（单位资质证明）

                请您核对并补正以下问题：
                  1. 缺少财务审计证明，请补充后重新发送。
                  2. 申报书缺少“商业模式”部分。

                如需补充或更正材料，请在截止时间前发送至报名邮箱；同类文件以最后一次提交的为准，其余已收到的文件继续有效。

                ——
                本邮件由参赛材料受理系统自动发送，请勿直接回复。
                """.formatted(ENTRY));
    }

    @Test
    void noFilesNoTrackNothingToFixAreSaidPlainly() throws Exception {
        ReceiptContent bare =
                new ReceiptContent("P-2025-0042", 1, List.of(), ReceiptContent.trackText(null), List.of());
        MimeMessage receipt = roundTrip(ReceiptRequest.of(TEAM, "", bare));

        assertThat(receipt.getSubject()).endsWith("（受理编号 P-2025-0042）");
        assertThat((String) receipt.getContent())
                .contains("收到的文件：无（未能从邮件中读取到附件，请检查后重新发送）")
                .contains("赛道：未能识别赛道")
                .contains("初步检查未发现需要您补正的问题。");
    }

    @Test
    void aFileNameCannotAddLinesToTheReceipt() throws Exception {
        ReceiptContent tricky = new ReceiptContent(
                ENTRY,
                1,
                List.of(new ReceivedFile("申报书.docx\r\n赛道：1 工业制造", "作品申报书")),
                ReceiptContent.trackText(new Entry.Track(2, "现代农业")),
                List.of());
        String body = (String) roundTrip(ReceiptRequest.of(TEAM, "", tricky)).getContent();

        assertThat(body).contains("  1. 申报书.docx 赛道：1 工业制造（作品申报书）\n");
        assertThat(body.lines().filter(l -> l.startsWith("赛道："))).containsExactly("赛道：2 现代农业");
    }

    @Test
    void theMessageOnTheWireIsSevenBitAscii() throws Exception {
        byte[] raw = bytes(composer.compose(ReceiptRequest.of(TEAM, INBOUND_ID, content(2)), ID));

        for (byte b : raw) {
            assertThat(b).isBetween((byte) 0, (byte) 127);
        }
    }

    private MimeMessage roundTrip(ReceiptRequest request) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(bytes(composer.compose(request, ID))));
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
