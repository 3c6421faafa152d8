package cn.dataelements.contest.receipt;

import cn.dataelements.contest.entry.MaterialKind;
import cn.dataelements.contest.intake.mail.ParsedMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mails, contents and settings the receipt tests share. */
final class ReceiptFixtures {

    static final String TEAM = "haiyang@example.cn";
    static final String ENTRY = "3f9a2c41b7d85e06a1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f607182";

    private ReceiptFixtures() {}

    /** A mail from the given address with these headers (name, value pairs), besides From. */
    static ParsedMail mail(String from, List<String> replyTo, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("From", List.of("威海市某某科技有限公司 <" + from + ">"));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.computeIfAbsent(headerPairs[i], k -> new java.util.ArrayList<>())
                    .add(headerPairs[i + 1]);
        }
        return new ParsedMail(
                "<20250610093000.4711@mail.example.cn>",
                "现代农业-威海市某某科技有限公司-海洋牧场数据智能平台",
                from,
                "威海市某某科技有限公司",
                replyTo,
                null,
                "申报材料见附件，请查收。",
                List.of(),
                List.of(),
                headers);
    }

    static ParsedMail teamMail() {
        return mail(TEAM, List.of());
    }

    static ReceiptContent content(int version) {
        return new ReceiptContent(
                ENTRY,
                version,
                List.of(
                        ReceivedFile.of("海洋牧场数据智能平台-作品申报书.docx", MaterialKind.APPLICATION_FORM),
                        ReceivedFile.of("营业执照.pdf", MaterialKind.PROOF_QUALIFICATION)),
                "赛道：2 现代农业",
                List.of("缺少财务审计证明，请补充后重新发送。", "申报书缺少“商业模式”部分。"));
    }

    static ReceiptProperties properties(Path dir, int port, int maxPerRecipient) {
        return new ReceiptProperties(
                true,
                "smtp",
                "127.0.0.1",
                port,
                false,
                "",
                "",
                "noreply@contest.local",
                "数据要素×大赛威海选拔赛组委会",
                "【数据要素×大赛威海选拔赛】",
                maxPerRecipient,
                Duration.ofHours(1),
                dir,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }
}
