package cn.dataelements.contest.review;

import cn.dataelements.contest.system.sheets.SheetWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the packet's PDF says, in order: for a round's review a cover (contest, round, criteria, reader), then the
 * title, what the packet leaves out, track and topic, the team (not in a
 * blind packet), the form's sections in the catalog's order with the sub-parts each holds, the materials, and the
 * compliance findings with the committee's decisions.
 */
final class PacketText {

    private static final String[] NUMBERS = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"};
    private static final Map<String, String> SEVERITIES = Map.of("BLOCKING", "阻断", "WARNING", "警告", "INFO", "提示");
    private static final Map<String, String> VERDICTS = Map.of("CONFIRMED", "确认", "OVERRULED", "驳回");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private PacketText() {}

    static List<PacketPdf.Block> blocks(PacketEntry packet) {
        return blocks(packet, null);
    }

    /** The PDF's blocks; for a round's review, between a cover and a score page, without the compliance review. */
    static List<PacketPdf.Block> blocks(PacketEntry packet, PacketReading reading) {
        List<PacketPdf.Block> blocks = new ArrayList<>();
        if (reading != null) {
            cover(blocks, packet, reading);
        }
        blocks.add(block(PacketPdf.Style.TITLE, packet.workTitle().isBlank() ? "（未写作品名称）" : packet.workTitle()));
        packet.notes().forEach(note -> blocks.add(block(PacketPdf.Style.NOTE, note)));
        blocks.add(block(PacketPdf.Style.BODY, "作品编号：" + packet.code()));
        blocks.add(block(PacketPdf.Style.BODY, "赛道：" + packet.track()));
        if (!packet.topic().isBlank()) {
            blocks.add(block(PacketPdf.Style.BODY, "赛题：" + packet.topic()));
        }
        if (!packet.blind()) {
            blocks.add(block(PacketPdf.Style.BODY, "团队：" + packet.teamName()));
            blocks.add(block(PacketPdf.Style.BODY, "参赛单位：" + String.join("、", packet.units())));
            blocks.add(block(PacketPdf.Style.BODY, "团队成员：" + String.join("、", packet.members())));
        }
        for (int i = 0; i < packet.sections().size(); i++) {
            PacketEntry.Section section = packet.sections().get(i);
            String number = i < NUMBERS.length ? NUMBERS[i] : (i + 1) + ".";
            blocks.add(block(PacketPdf.Style.HEADING, number + " " + section.title()));
            if (!section.found()) {
                blocks.add(block(PacketPdf.Style.NOTE, "申报书中没有这一部分。"));
                continue;
            }
            if (!section.parts().isEmpty()) {
                blocks.add(block(
                        PacketPdf.Style.NOTE,
                        "本部分包括："
                                + String.join(
                                        "、",
                                        section.parts().stream()
                                                .map(PacketEntry.Part::title)
                                                .toList())));
            }
            blocks.add(block(PacketPdf.Style.BODY, section.text()));
        }
        blocks.add(block(PacketPdf.Style.HEADING, "材料清单"));
        packet.materials().forEach(m -> blocks.add(block(PacketPdf.Style.BODY, "· " + m)));
        if (reading != null) {
            scorePage(blocks, packet, reading);
            return blocks;
        }
        blocks.add(block(PacketPdf.Style.HEADING, "合规性审查"));
        if (packet.findings().isEmpty()) {
            blocks.add(block(PacketPdf.Style.BODY, "没有需要说明的问题。"));
        }
        for (PacketEntry.PacketFinding finding : packet.findings()) {
            blocks.add(block(
                    PacketPdf.Style.BODY,
                    "【" + SEVERITIES.getOrDefault(finding.severity(), finding.severity()) + "】" + finding.message()));
            if (!finding.verdict().isEmpty()) {
                blocks.add(block(
                        PacketPdf.Style.NOTE,
                        "监督委员会决定：" + VERDICTS.getOrDefault(finding.verdict(), finding.verdict()) + "（"
                                + TIME.format(finding.decidedAt()) + "）" + finding.reason()));
            }
        }
        return blocks;
    }

    private static void cover(List<PacketPdf.Block> blocks, PacketEntry packet, PacketReading reading) {
        ReviewPlan.Round round = reading.round();
        blocks.add(block(PacketPdf.Style.TITLE, SheetWriter.CONTEST));
        blocks.add(block(PacketPdf.Style.HEADING, round.name() + (round.blind() ? "（盲评）" : "（实名评审）") + " · 评审材料"));
        blocks.add(block(PacketPdf.Style.BODY, "评审编号：" + packet.code()));
        blocks.add(block(PacketPdf.Style.BODY, "赛道：" + packet.track()));
        blocks.add(block(PacketPdf.Style.BODY, "评审专家：" + (reading.reader().isBlank() ? "＿＿＿＿＿＿＿＿" : reading.reader())));
        blocks.add(block(PacketPdf.Style.HEADING, "评分项"));
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            blocks.add(block(
                    PacketPdf.Style.BODY,
                    "· " + criterion.name() + "：" + criterion.min().toPlainString() + "–"
                            + criterion.max().toPlainString() + " 分，权重 "
                            + criterion.weight().toPlainString()));
        }
        blocks.add(block(
                PacketPdf.Style.NOTE, "每项填写范围内的分数，最多两位小数；作品得分为各项的加权平均。评分请在“我的评审”页面或评分表中填写；" + "纸质评分见最后一页，签字后交组织方代录。"));
        blocks.add(block(PacketPdf.Style.PAGE, ""));
    }

    private static void scorePage(List<PacketPdf.Block> blocks, PacketEntry packet, PacketReading reading) {
        ReviewPlan.Round round = reading.round();
        blocks.add(block(PacketPdf.Style.PAGE, ""));
        blocks.add(block(PacketPdf.Style.TITLE, round.name() + "评分页"));
        blocks.add(block(PacketPdf.Style.BODY, SheetWriter.CONTEST + " · 评审编号：" + packet.code()));
        for (ReviewPlan.Criterion criterion : round.criteria()) {
            blocks.add(block(
                    PacketPdf.Style.BODY,
                    criterion.name() + "（" + criterion.min().toPlainString() + "–"
                            + criterion.max().toPlainString() + " 分，权重 "
                            + criterion.weight().toPlainString() + "）：＿＿＿＿＿＿"));
        }
        blocks.add(block(PacketPdf.Style.BODY, "评语：\n\n\n\n"));
        blocks.add(block(
                PacketPdf.Style.BODY,
                "评审专家签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
                        + (reading.reader().isBlank() ? "" : "\n（" + reading.reader() + "）")));
    }

    private static PacketPdf.Block block(PacketPdf.Style style, String text) {
        return new PacketPdf.Block(style, text == null ? "" : text);
    }
}
