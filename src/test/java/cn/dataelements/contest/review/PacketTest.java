package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.Evidence;
import cn.dataelements.contest.compliance.Finding;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.system.text.ChineseFolding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The packet's summary PDF as a reviewer opens it: the text extracts back with Chinese intact and the sections in the
 * catalog's order, every glyph lies inside the page, a long section runs over pages, a character the font lacks is
 * shown as □ and listed; and a blind packet says nothing of who the team is, in any spelling, in its PDF or its JSON.
 */
class PacketTest {

    private static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final String LONG_START = "方案开篇甲";
    private static final String LONG_END = "方案结尾乙";
    private static final String RARE = new String(Character.toChars(0x2A6D6)); // 𪛖, CJK extension B

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theSummaryReadsBackInOrderInsideThePagesAndALongSectionSpansPages() throws IOException {
        Entry entry = ReviewEntries.entry("entry-1", longSolution());
        PacketEntry packet = PacketBuilder.build(entry, "初赛-A001", false, List.of(), List.of());

        PacketPdf.Result result = new PacketPdf(FONT).render(packet.workTitle(), PacketText.blocks(packet));

        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(ReviewEntries.TITLE).contains("平台汇聚港口冷链温度、位置与通关数据");
            List<Integer> order = List.of("作品概述", "解决方案", "应用价值", "商业模式", "团队介绍", "材料清单").stream()
                    .map(text::indexOf)
                    .toList();
            assertThat(order).doesNotContain(-1).isSorted();
            assertThat(text).as("the sub-parts a section holds").contains("本部分包括：背景");
            assertThat(text)
                    .as("reviewers never get contact data")
                    .doesNotContain(ReviewEntries.PHONE)
                    .doesNotContain(ReviewEntries.EMAIL);
            assertThat(text.replaceAll("第 \\d+ 页，共 \\d+ 页", "").replaceAll("\\s", ""))
                    .as("the 5,000 characters, whole across line and page breaks")
                    .contains(longSolution().replaceAll("\\s", ""));
            assertThat(pageOf(pdf, LONG_END))
                    .as("the long section ends on a later page than it starts")
                    .isGreaterThan(pageOf(pdf, LONG_START));
            assertThat(glyphsOutsideTheMediaBox(pdf)).isEmpty();
        }
    }

    @Test
    void aCharacterTheFontLacksIsShownAsABoxAndListed() throws IOException {
        PacketEntry packet = PacketBuilder.build(
                ReviewEntries.entry("entry-2", "罕见字" + RARE + "在此。"), "初赛-C002", false, List.of(), List.of());

        PacketPdf.Result result = new PacketPdf(FONT).render(packet.workTitle(), PacketText.blocks(packet));

        assertThat(result.missing()).containsExactly(RARE);
        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("罕见字□在此");
        }
    }

    @Test
    void aRoundsPacketOpensWithTheRoundAndItsCriteriaEndsWithAScorePageAndLeavesOutTheCommitteesLabels()
            throws IOException {
        Entry entry = ReviewEntries.entry("entry-4", "平台汇聚港口冷链温度。");
        ReviewPlan.Round round = new ReviewPlan.Round(
                "preliminary",
                "初赛",
                "",
                3,
                true,
                5,
                List.of(
                        new ReviewPlan.Criterion(
                                "technology", "技术水平", new BigDecimal("2"), BigDecimal.ZERO, new BigDecimal("100")),
                        new ReviewPlan.Criterion(
                                "innovation", "创新性", BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"))));
        PacketEntry packet = PacketBuilder.build(entry, "初赛-D404", true, List.of(), List.of());

        List<PacketPdf.Block> blocks = PacketText.blocks(packet, new PacketReading(round, "zhang.expert"));
        PacketPdf.Result result = new PacketPdf(FONT).render(packet.workTitle(), blocks);

        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            assertThat(first.getText(pdf))
                    .as("the cover")
                    .contains("数据要素×大赛威海选拔赛")
                    .contains("初赛（盲评）")
                    .contains("评审编号：初赛-D404")
                    .contains("评审专家：zhang.expert")
                    .contains("技术水平：0–100 分，权重 2")
                    .contains("创新性：0–100 分，权重 1")
                    .doesNotContain("平台汇聚港口冷链温度");
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pdf.getNumberOfPages());
            assertThat(last.getText(pdf))
                    .as("the score page")
                    .contains("初赛评分页")
                    .contains("技术水平（0–100 分，权重 2）")
                    .contains("评审专家签字");
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).doesNotContain("合规性审查").doesNotContain("【阻断】").doesNotContain("监督委员会决定");
        }
    }

    @Test
    void aBlindPacketSaysNothingOfWhoTheTeamIsInThePdfOrTheJson() throws IOException {
        Entry entry = ReviewEntries.entry("entry-3", "系统由" + ReviewEntries.SHORT + "自主研发，部署在港口。");
        List<CheckedFinding> findings = List.of(
                finding("TEAM_SIZE", "团队人数为 3 人，符合要求。"),
                finding("UNIT_SHARED", "参赛单位" + ReviewEntries.PARTNER + "同时参加了另一支队伍。"),
                finding("PROOF_ORGANIZATION", "证明材料中的单位“威海某港务集团有限公司”与参赛单位不一致。"));

        PacketEntry packet =
                PacketBuilder.build(entry, "初赛-B017", true, List.of("欧阳娜娜", "oy@lanhai-data.cn"), findings);
        PacketPdf.Result result = new PacketPdf(FONT).render(packet.workTitle(), PacketText.blocks(packet));

        String pdfText;
        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            pdfText = new PDFTextStripper().getText(pdf)
                    + pdf.getDocumentInformation().getTitle();
        }
        String packetJson = json.writeValueAsString(packet);
        for (String name : ReviewEntries.identifying()) {
            assertThat(ChineseFolding.fold(pdfText))
                    .as("the PDF names %s", name)
                    .doesNotContain(ChineseFolding.fold(name));
            assertThat(ChineseFolding.fold(packetJson))
                    .as("the JSON names %s", name)
                    .doesNotContain(ChineseFolding.fold(name));
        }
        assertThat(packet.code()).isEqualTo("初赛-B017");
        assertThat(pdfText)
                .as("the round's code, not the entry's id")
                .contains("初赛-B017")
                .doesNotContain("entry-3");
        assertThat(packetJson).doesNotContain("entry-3");
        assertThat(pdfText)
                .as("what a blind packet leaves out, said on its first page")
                .contains("盲评材料")
                .contains("不含原件");
        assertThat(pdfText).contains("平台汇聚港口冷链温度", "部署在港口");
        assertThat(packet.findings())
                .extracting(PacketEntry.PacketFinding::code)
                .containsExactly("TEAM_SIZE");
        assertThat(packet.originalsIncluded()).isFalse();
        assertThat(packet.units()).isEmpty();
        assertThat(packet.members()).isEmpty();
    }

    private static CheckedFinding finding(String code, String message) {
        Finding finding = new Finding(code, Severity.WARNING, message, new Evidence("form", "field", "text", 0));
        return new CheckedFinding(finding, "key", null);
    }

    /** About 5,000 characters of Chinese, marked at both ends. */
    private static String longSolution() {
        StringBuilder text = new StringBuilder(LONG_START);
        String sentence = "系统采集冷库温度与车辆轨迹，经清洗后进入可信数据空间，按授权向货主和监管部门开放查询。";
        while (text.length() < 5_000) {
            text.append(sentence);
            if (text.length() % 400 < sentence.length()) {
                text.append('\n');
            }
        }
        // a run of closing marks longer than a line: one may hang in the margin, the rest wrap
        return text.append("！".repeat(80)).append(LONG_END).toString();
    }

    private static int pageOf(PDDocument pdf, String marker) throws IOException {
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            if (stripper.getText(pdf).contains(marker)) {
                return page;
            }
        }
        throw new AssertionError(marker + " is on no page");
    }

    private static List<String> glyphsOutsideTheMediaBox(PDDocument pdf) throws IOException {
        List<String> outside = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                PDRectangle box = getCurrentPage().getMediaBox();
                for (TextPosition p : positions) {
                    float left = p.getXDirAdj();
                    float right = left + p.getWidthDirAdj();
                    float top = p.getYDirAdj() - p.getHeightDir();
                    float bottom = p.getYDirAdj();
                    if (left < 0 || right > box.getWidth() || top < 0 || bottom > box.getHeight()) {
                        outside.add(p.getUnicode() + " at " + left + "," + bottom);
                    }
                }
            }
        };
        stripper.getText(pdf);
        return outside;
    }
}
