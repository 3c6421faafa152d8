package cn.dataelements.contest.receipt;

import java.util.List;

/** The Chinese text of a receipt: what was received, the track understood, what the team can still fix. */
final class ReceiptText {

    static final String FOOTER = "本邮件由参赛材料受理系统自动发送，请勿直接回复。";
    private static final int SHORT_ID = 12;
    private static final int MAX_LINE = 200;

    private ReceiptText() {}

    /** The short number the subject shows: the entry id itself when short, else its first characters. */
    static String acceptanceNumber(ReceiptRequest request) {
        String id = clean(request.entryId());
        return id.length() <= 2 * SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    static String body(ReceiptRequest request) {
        StringBuilder text = new StringBuilder();
        text.append("您好：\n\n我们已收到您通过电子邮件提交的参赛材料，受理情况如下。\n\n");
        text.append("受理编号：").append(acceptanceNumber(request)).append('\n');
        text.append("作品编号：").append(clean(request.entryId())).append('\n');
        text.append("版本：第 ").append(request.version()).append(" 版\n");
        text.append(clean(request.trackText())).append("\n\n");
        files(text, request.files());
        fixable(text, request.fixableMessagesZh());
        text.append("如需补充或更正材料，请在截止时间前发送至报名邮箱；同类文件以最后一次提交的为准，其余已收到的文件继续有效。\n\n");
        text.append("——\n").append(FOOTER).append('\n');
        return text.toString();
    }

    private static void files(StringBuilder text, List<ReceivedFile> files) {
        if (files.isEmpty()) {
            text.append("收到的文件：无（未能从邮件中读取到附件，请检查后重新发送）\n\n");
            return;
        }
        text.append("收到的文件（共 ").append(files.size()).append(" 个）：\n");
        for (int i = 0; i < files.size(); i++) {
            ReceivedFile file = files.get(i);
            text.append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(clean(file.name()))
                    .append("（")
                    .append(clean(file.kindZh()))
                    .append("）\n");
        }
        text.append('\n');
    }

    private static void fixable(StringBuilder text, List<String> messages) {
        if (messages.isEmpty()) {
            text.append("初步检查未发现需要您补正的问题。\n\n");
            return;
        }
        text.append("请您核对并补正以下问题：\n");
        for (int i = 0; i < messages.size(); i++) {
            text.append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(clean(messages.get(i)))
                    .append('\n');
        }
        text.append('\n');
    }

    /** One line, bounded: a file name with a line break in it cannot fake lines of the receipt. */
    static String clean(String value) {
        String line = value.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
    }
}
