package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.dataelements.contest.intake.mail.fixtures.MailFixtureGenerator;
import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailParserTest {

    private static final String SUBJECT = "现代农业-威海市某某科技有限公司-海洋牧场数据智能平台";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String BODY =
            "您好：\n\n我单位报名参加现代农业赛道，作品为海洋牧场数据智能平台，申报材料见附件，请查收。\n\n" + "联系人：王喆\n电话：0631-5200000";

    @TempDir
    Path work;

    private final MailParser parser = new MailParser(MailParserLimits.defaults());

    @Test
    void gbkRfc2231FilenameWithContinuationSplitInsideACharacter() throws Exception {
        ParsedMail mail = parse("gbk-rfc2231-filename.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.from()).isEqualTo("haiyang@example.com");
        assertThat(mail.fromName()).isEqualTo("威海市某某科技有限公司");
        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(names(mail)).containsExactly("作品申报书.docx");
        MailAttachment docx = mail.attachments().get(0);
        assertThat(docx.nameGenerated()).isFalse();
        assertThat(docx.contentType()).isEqualTo(DOCX);
        assertThat(docx.partPath()).isEqualTo("2");
        assertThat(docx.file().getFileName().toString()).isEqualTo("part-1.bin");
        assertThat(Files.readString(docx.file())).isEqualTo("docx-content");
        assertThat(docx.size()).isEqualTo(12);
        assertThat(docx.sha256()).isEqualTo(sha256("docx-content"));
        assertThat(mail.sentDate()).isEqualTo(Instant.parse("2025-06-10T01:30:00Z"));
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void gb2312LabelCarryingGbkOnlyCharacterInNameSubjectBodyAndFilename() throws Exception {
        ParsedMail mail = parse("gb2312-label-gbk-name-wangzhe.eml");

        assertThat(mail.fromName()).isEqualTo("王喆");
        assertThat(mail.from()).isEqualTo("wangzhe@example.com");
        assertThat(mail.subject()).isEqualTo("王喆团队-海洋牧场数据智能平台");
        assertThat(mail.bodyText()).isEqualTo("各位老师好：\n\n我是团队负责人王喆，附件为团队介绍，请审阅。");
        assertThat(names(mail)).containsExactly("王喆-团队介绍.pdf");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void big5SubjectBodyAndRfc2231NameStayTraditional() throws Exception {
        ParsedMail mail = parse("big5-subject-body.eml");

        assertThat(mail.subject()).isEqualTo("金融服務-香港某某數據有限公司-跨境支付風險監測系統");
        assertThat(mail.bodyText()).isEqualTo("您好：\n\n本團隊報名參加金融服務賽道，作品申報書請見附件。\n\n謝謝！");
        assertThat(names(mail)).containsExactly("作品申報書.pdf");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void hzGb2312SubjectAndBodyAreDecodedNotLeftAsEscapes() throws Exception {
        ParsedMail mail = parse("hz-gb2312-subject-body.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).isEqualTo(BODY.replace("王喆", "王哲"));
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void encodedWordInsideQuotedParameter() throws Exception {
        ParsedMail mail = parse("encoded-word-in-quoted-param.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(names(mail)).containsExactly("相关证明材料.zip");
        assertThat(mail.attachments().get(0).contentType()).isEqualTo("application/zip");
        assertThat(Files.readAllBytes(mail.attachments().get(0).file())).startsWith('P', 'K', 3, 4);
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void adjacentEncodedWordsSplitInsideAMultibyteCharacter() throws Exception {
        ParsedMail mail = parse("encoded-word-split-multibyte.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(names(mail)).containsExactly("作品申报书.docx");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void raw8bitGbkHeadersAndFilenames() throws Exception {
        ParsedMail mail = parse("raw-8bit-gbk-filename.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.fromName()).isEqualTo("威海市某某科技有限公司");
        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(names(mail)).containsExactly("作品申报书.docx", "数据资源清单.pdf");
        assertThat(mail.headers().get("Subject")).containsExactly(SUBJECT);
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void undeclaredGbkBodyIsDetected() throws Exception {
        ParsedMail mail = parse("missing-charset-gbk-body.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).startsWith("各位评审专家：\n\n我们是威海市某某科技有限公司的参赛团队").endsWith("目前已在三个海洋牧场落地应用。\n\n此致\n敬礼");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void utf8PlainMailAndAllowListedHeaders() throws Exception {
        ParsedMail mail = parse("utf8-plain.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.messageId()).endsWith("@example.com>");
        assertThat(mail.headers())
                .containsOnlyKeys(
                        "Message-ID", "Date", "From", "To", "Subject", "Return-Path", "Content-Type", "X-Mailer");
        assertThat(mail.headers().get("From")).containsExactly("威海市某某科技有限公司 <haiyang@example.com>");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void forwardedMessageAttachmentsCountAndItsTextIsAppended() throws Exception {
        ParsedMail mail = parse("forwarded-rfc822.eml");

        assertThat(mail.subject()).isEqualTo("转发：" + SUBJECT);
        assertThat(mail.bodyText())
                .isEqualTo("转发团队负责人的报名邮件，请以此为准。\n\n---------- 转发的邮件 ----------\n" + "发件人：王喆 <wangzhe@example.com>\n主题："
                        + SUBJECT + "\n\n请查收我们的申报材料。");
        assertThat(names(mail)).containsExactly("作品申报书.docx");
        assertThat(mail.attachments().get(0).partPath()).isEqualTo("2/2");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void winmailDatIsKeptWholeForTheExtractionChildToUnpack() throws Exception {
        ParsedMail mail = parse("winmail-dat-tnef.eml");

        assertThat(mail.bodyText()).isEqualTo(BODY);
        assertThat(names(mail)).containsExactly("winmail.dat");
        assertThat(mail.attachments()).extracting(MailAttachment::partPath).containsExactly("2");
        assertThat(Files.readAllBytes(mail.attachments().get(0).file())).isEqualTo(MailFixtureGenerator.tnef());
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void nestedMultipartUnnamedPartsGetGeneratedNamesAndPlainTextWins() throws Exception {
        ParsedMail mail = parse("nested-multipart-unnamed-parts.eml");

        assertThat(mail.bodyText()).isEqualTo("您好：\n\n申报材料见附件。");
        assertThat(names(mail)).containsExactly("附件-1-2.png", "附件-2.pdf", "附件-3.txt");
        assertThat(mail.attachments()).allMatch(MailAttachment::nameGenerated);
        assertThat(mail.attachments()).extracting(MailAttachment::partPath).containsExactly("1/2", "2", "3");
        assertThat(Files.readString(mail.attachments().get(2).file(), java.nio.charset.Charset.forName("GBK")))
                .isEqualTo("附加说明");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void duplicateAttachmentNamesAreAllKept() throws Exception {
        ParsedMail mail = parse("duplicate-attachment-names.eml");

        assertThat(names(mail)).containsExactly("作品申报书.docx", "作品申报书.docx");
        assertThat(mail.attachments())
                .extracting(a -> a.file().getFileName().toString())
                .containsExactly("part-1.bin", "part-2.bin");
        assertThat(mail.attachments().get(0).sha256())
                .isNotEqualTo(mail.attachments().get(1).sha256());
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void htmlOnlyBodyIsReducedToText() throws Exception {
        ParsedMail mail = parse("html-only-gbk-body.eml");

        assertThat(mail.subject()).isEqualTo(SUBJECT);
        assertThat(mail.bodyText()).isEqualTo("各位老师：\n作品申报书&证明材料已上传，详见\n附件。");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void garbageIsNotAMail() {
        assertThatThrownBy(() -> parse("garbage-not-a-mail.eml")).isInstanceOf(UnparseableMailException.class);
    }

    @Test
    void emptyFileIsNotAMail() throws IOException {
        Path empty = Files.createFile(work.resolve("empty.eml"));

        assertThatThrownBy(() -> parser.parse(empty, work.resolve("out"))).isInstanceOf(UnparseableMailException.class);
    }

    @Test
    void partsOverTheSizeLimitAreSkippedWithAProblem() throws Exception {
        MailParser small = new MailParser(new MailParserLimits(12, 500, 13, 1000));

        ParsedMail mail = small.parse(fixture("duplicate-attachment-names.eml"), work);

        assertThat(names(mail)).containsExactly("作品申报书.docx");
        assertThat(mail.problems())
                .extracting(Problem::code, Problem::location)
                .containsExactly(tuple("MAIL_PART_TRUNCATED", "1"), tuple("MAIL_PART_TOO_LARGE", "3"));
        assertThat(mail.bodyText()).startsWith("您好：\n\n我");
        assertThat(Files.list(work)).hasSize(1);
    }

    @Test
    void tooManyPartsIsRecordedOnceAndTheWalkKeepsWhatFits() throws Exception {
        MailParser small = new MailParser(new MailParserLimits(12, 4, 1000, 1000));

        ParsedMail mail = small.parse(fixture("nested-multipart-unnamed-parts.eml"), work);

        assertThat(mail.bodyText()).isEqualTo("您好：\n\n申报材料见附件。");
        assertThat(names(mail)).isEmpty();
        assertThat(mail.problems()).extracting(Problem::code).containsExactly("MAIL_TOO_MANY_PARTS");
    }

    @Test
    void forwardedMessageBeyondMaxDepthIsSkippedWithAProblem() throws Exception {
        MailParser shallow = new MailParser(new MailParserLimits(1, 500, 1000, 1000));

        ParsedMail mail = shallow.parse(fixture("forwarded-rfc822.eml"), work);

        assertThat(mail.bodyText())
                .isEqualTo("转发团队负责人的报名邮件，请以此为准。\n\n---------- 转发的邮件 ----------\n" + "发件人：王喆 <wangzhe@example.com>\n主题："
                        + SUBJECT);
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.problems())
                .extracting(Problem::code, Problem::location)
                .containsExactly(tuple("MAIL_TOO_DEEP", "2"));
    }

    @Test
    void headerStringsKeepRawBytesAsLatin1Chars() {
        String raw = new String("王喆".getBytes(java.nio.charset.Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
        assertThat(HeaderDecoder.decode(raw)).isEqualTo("王喆");
    }

    @Test
    void jakartaKeepsRawHeaderBytesAsOneCharPerByte() throws Exception {
        try (var in = Files.newInputStream(fixture("raw-8bit-gbk-filename.eml"))) {
            var message = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), in);

            byte[] subject = message.getHeader("Subject")[0].getBytes(StandardCharsets.ISO_8859_1);

            assertThat(subject).isEqualTo(SUBJECT.getBytes(java.nio.charset.Charset.forName("GBK")));
        }
    }

    private ParsedMail parse(String name) throws Exception {
        return parser.parse(fixture(name), work);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MailParserTest.class.getResource("/mail/" + name).toURI());
    }

    private static List<String> names(ParsedMail mail) {
        return mail.attachments().stream().map(MailAttachment::fileName).toList();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
