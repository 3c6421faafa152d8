package cn.dataelements.contest.receipt;

import cn.dataelements.contest.entry.MaterialKind;
import cn.dataelements.contest.submission.ReadSubmission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Senders, contents and settings the receipt tests share. */
final class ReceiptFixtures {

    static final String TEAM = "haiyang@example.cn";
    static final String ENTRY = "3f9a2c41b7d85e06a1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f607182";
    static final String INBOUND_ID = "<20250610093000.4711@mail.example.cn>";

    private ReceiptFixtures() {}

    /** A submission's id: any sha-256 in hex, here one per number. */
    static String submission(int n) {
        return "%064x".formatted(n);
    }

    /** A mail from the given address with these headers (name, value pairs), besides From. */
    static ReadSubmission.Sender mail(String from, List<String> replyTo, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("From", List.of("威海市某某科技有限公司 <" + from + ">"));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.computeIfAbsent(headerPairs[i], k -> new java.util.ArrayList<>())
                    .add(headerPairs[i + 1]);
        }
        return new ReadSubmission.Sender(INBOUND_ID, from, "威海市某某科技有限公司", replyTo, headers);
    }

    static ReadSubmission.Sender teamMail() {
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

    static ReceiptProperties properties(int port, int maxPerRecipient) {
        return properties(port, maxPerRecipient, 600);
    }

    static ReceiptProperties properties(int port, int maxPerRecipient, int maxPerHour) {
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
                maxPerHour,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    /** A clock the test moves forward by hand. */
    static final class MovableClock extends java.time.Clock {

        private java.time.Instant now;

        MovableClock(java.time.Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
