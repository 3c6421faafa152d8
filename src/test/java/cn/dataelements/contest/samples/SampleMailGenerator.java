package cn.dataelements.contest.samples;

import cn.dataelements.contest.samples.SampleDocuments.Form;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the sample submissions under {@code samples/mail/} that {@code bin/run-local} delivers to its local mail
 * server: the mails a contest mailbox really gets (GBK from Foxmail/Outlook, Big5 from Hong Kong, UTF-8 with a zip
 * of proofs, a corrupt form, a resend of the same work). How to run it: {@code samples/README.md}.
 */
public final class SampleMailGenerator {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final String HAIYANG = "现代农业-威海市某某海洋科技有限公司-海洋牧场数据智能平台";

    private SampleMailGenerator() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/mail");
        Files.createDirectories(dir);
        byte[] haiyangForm = SampleDocuments.applicationForm(haiyangForm());
        Files.write(dir.resolve("01-gbk-marine-ranch-form.eml"), gbkMarineRanch(haiyangForm));
        Files.write(dir.resolve("02-big5-cross-border-finance.eml"), big5CrossBorderFinance());
        Files.write(dir.resolve("03-utf8-shipyard-with-proofs-zip.eml"), utf8ShipyardWithProofs());
        Files.write(dir.resolve("04-gbk-corrupt-form.eml"), gbkCorruptForm());
        Files.write(dir.resolve("05-gbk-marine-ranch-resend.eml"), gbkMarineRanchResend(haiyangForm));
    }

    private static byte[] gbkMarineRanch(byte[] form) {
        return new SampleMail(GBK, "GBK", "----=_NextPart_000_0001_01DABB2C.5A3F1E20")
                .header("Message-ID", "<20240610093000.0001@haiyang-tech.example.cn>")
                .header("Date", "Mon, 10 Jun 2024 09:30:00 +0800")
                .from("威海市某某海洋科技有限公司", "haiyang@example.cn")
                .header("To", "submit@contest.local")
                .subject(HAIYANG)
                .header("X-Mailer", "Foxmail 7.2.25.228[cn]")
                .body("各位老师好：\n\n我单位报名参加现代农业赛道，作品名称为“海洋牧场数据智能平台”，作品申报书见附件，请查收。\n\n" + "联系人：王喆\n电话：0631-5200000\n")
                .attach("作品申报书.docx", DOCX, form)
                .bytes();
    }

    private static byte[] gbkMarineRanchResend(byte[] form) {
        return new SampleMail(GBK, "GBK", "----=_NextPart_000_0007_01DABC01.1B2C3D40")
                .header("Message-ID", "<20240611142000.0007@haiyang-tech.example.cn>")
                .header("Date", "Tue, 11 Jun 2024 14:20:00 +0800")
                .from("威海市某某海洋科技有限公司", "haiyang@example.cn")
                .header("To", "submit@contest.local")
                .subject("重发：" + HAIYANG)
                .header("X-Mailer", "Foxmail 7.2.25.228[cn]")
                .body("各位老师好：\n\n昨天发送的申报材料不知是否收到，现重新发送一次，内容与昨天相同。\n\n联系人：王喆\n电话：0631-5200000\n")
                .attach("作品申报书.docx", DOCX, form)
                .bytes();
    }

    private static byte[] big5CrossBorderFinance() throws Exception {
        Form form = new Form(
                "跨境貿易融資風控平台",
                header("跨境貿易融資風控平台", "金融服務", "香港某某數據有限公司", "91371000MA3R5K2X7B", "陳志明 +852 2100 0000"),
                List.of(
                        "本作品匯聚海關報關、物流與跨境支付數據，為中小外貿企業提供融資風險評估。",
                        "以數據沙箱方式接入銀行與物流企業數據，建立企業信用畫像與預警模型。",
                        "縮短融資審批時間，降低壞賬率，支持威海與香港兩地貿易往來。",
                        "按評估次數向金融機構收費，並提供年度訂閱服務。",
                        "團隊十二人，來自金融、數據與法律領域。"));
        return new SampleMail(BIG5, "big5", "=_big5_boundary_20240612")
                .header("Message-ID", "<A1B2C3D4E5.20240612@hk-data.example.com.hk>")
                .header("Date", "Wed, 12 Jun 2024 16:05:00 +0800")
                .from("香港某某數據有限公司", "contact@hk-data.example.com.hk")
                .header("To", "submit@contest.local")
                .subject("金融服務-香港某某數據有限公司-跨境貿易融資風控平台")
                .header("X-Mailer", "Microsoft Outlook 16.0")
                .body("您好：\n\n本公司報名參加金融服務賽道，作品申報書見附件。\n\n陳志明\n")
                .attach("作品申報書.docx", DOCX, SampleDocuments.applicationForm(form))
                .bytes();
    }

    private static byte[] utf8ShipyardWithProofs() throws Exception {
        Form form = new Form(
                "船舶焊接质量数据平台",
                header("船舶焊接质量数据平台", "工业制造", "威海某某重工股份有限公司", "91371082MA3C8N4P2D", "刘洋 13806310000"),
                List.of(
                        "本作品采集船舶分段焊接过程的电流、电压与影像数据，实时判定焊缝质量。",
                        "焊机数据经边缘网关汇入数据平台，以质检记录训练缺陷识别模型。",
                        "一次焊接合格率提高三个百分点，返工工时下降两成。",
                        "向船厂按产线收取平台使用费，并提供数据治理服务。",
                        "团队八人，焊接工艺、软件与数据分析人员各占其一。"));
        Map<String, String> proofs = new LinkedHashMap<>();
        proofs.put(
                "相关证明材料/营业执照.txt",
                "营业执照（副本）\n统一社会信用代码：91371082MA3C8N4P2D\n名称：威海某某重工股份有限公司\n"
                        + "类型：股份有限公司\n法定代表人：刘某某\n成立日期：2016年05月20日\n住所：山东省威海市荣成市某某路1号\n");
        proofs.put("相关证明材料/软件著作权登记证书.txt", "计算机软件著作权登记证书\n软件名称：船舶焊接质量数据平台V1.0\n著作权人：威海某某重工股份有限公司\n");
        return new SampleMail(StandardCharsets.UTF_8, "UTF-8", "Apple-Mail=_5C1E7A2B-3D4F")
                .header("Message-ID", "<5C1E7A2B-3D4F-4A6B-9C8D-20240613@weihai-heavy.example.cn>")
                .header("Date", "Thu, 13 Jun 2024 10:12:00 +0800")
                .from("刘洋", "liuyang@weihai-heavy.example.cn")
                .header("To", "submit@contest.local")
                .subject("工业制造-威海某某重工股份有限公司-船舶焊接质量数据平台")
                .body("老师您好：\n\n附件是我们的作品申报书和相关证明材料（营业执照、软件著作权登记证书），请查收。\n\n刘洋\n")
                .attach("作品申报书.docx", DOCX, SampleDocuments.applicationForm(form))
                .attach("相关证明材料.zip", "application/zip", SampleDocuments.zip(proofs))
                .bytes();
    }

    private static byte[] gbkCorruptForm() throws Exception {
        Form form = new Form(
                "刘公岛智慧导览",
                header("刘公岛智慧导览", "文化旅游", "威海某某文旅集团有限公司", "91371000MA3D2F6H9K", "孙丽 0631-5300000"),
                List.of("导览", "方案", "价值", "模式", "团队"));
        byte[] whole = SampleDocuments.applicationForm(form);
        // Cut off in transfer, as a webmail upload that timed out leaves it: the zip's central directory is gone.
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        return new SampleMail(GBK, "gb2312", "----=_Part_4_1876543210.1718330400000")
                .header("Message-ID", "<1876543210.4.1718330400000@mail.example.net>")
                .header("Date", "Fri, 14 Jun 2024 10:00:00 +0800")
                .from("孙丽", "sunli@example.net")
                .header("To", "submit@contest.local")
                .subject("文化旅游-威海某某文旅集团有限公司-刘公岛智慧导览")
                .body("您好，附件为我们的申报书，谢谢！\n")
                .attach("作品申报书.docx", DOCX, truncated)
                .bytes();
    }

    private static Form haiyangForm() {
        return new Form(
                "海洋牧场数据智能平台",
                header("海洋牧场数据智能平台", "现代农业", "威海市某某海洋科技有限公司", "91371002MA3N7Q1W5E", "王喆 0631-5200000"),
                List.of(
                        "本作品汇聚海洋牧场水质监测、气象与渔获交易数据，为养殖企业提供投喂与采捕决策。",
                        "以浮标与水下传感器采集水温、溶解氧、盐度，结合气象预报构建赤潮与低氧预警模型。",
                        "饵料成本下降一成五，灾害损失明显减少，为海洋牧场保险定价提供数据依据。",
                        "向养殖企业按网箱收取订阅费，向保险与金融机构提供数据服务。",
                        "团队十人，来自海洋科学、物联网与数据分析领域，牵头单位为威海市某某海洋科技有限公司。"));
    }

    private static Map<String, String> header(
            String name, String track, String lead, String creditCode, String contact) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("作品名称", name);
        header.put("赛道", track);
        header.put("牵头单位", lead);
        header.put("统一社会信用代码", creditCode);
        header.put("联系人", contact);
        return header;
    }
}
