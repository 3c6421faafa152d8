package cn.dataelements.contest.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The attachments of the sample submissions: an application form (作品申报书) laid out as the contest's template is,
 * a header table then five numbered sections, and a zip of proof materials with UTF-8 names.
 */
final class SampleDocuments {

    /** What one team writes into its application form. */
    record Form(String title, Map<String, String> header, List<String> sections) {}

    static final List<String> SECTION_HEADINGS = List.of("一、作品概述", "二、解决方案", "三、应用价值", "四、商业模式", "五、团队介绍");

    private SampleDocuments() {}

    static byte[] applicationForm(Form form) throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            addHeadingStyle(doc);
            doc.getProperties().getCoreProperties().setTitle(form.title());
            doc.getProperties().getCoreProperties().setCreator(form.header().get("联系人"));
            doc.getProperties().getCoreProperties().setCreated("2024-06-10T01:30:00Z");
            paragraph(doc, null, "2024年“数据要素×”大赛威海分赛 作品申报书");
            XWPFTable table = doc.createTable(form.header().size(), 2);
            int row = 0;
            for (Map.Entry<String, String> field : form.header().entrySet()) {
                table.getRow(row).getCell(0).setText(field.getKey());
                table.getRow(row++).getCell(1).setText(field.getValue());
            }
            for (int i = 0; i < SECTION_HEADINGS.size(); i++) {
                paragraph(doc, "Heading1", SECTION_HEADINGS.get(i));
                paragraph(doc, null, form.sections().get(i));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A zip as 7-Zip or Bandizip writes it today: UTF-8 names with the language-encoding flag set. */
    static byte[] zip(Map<String, String> textFiles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding("UTF-8");
            zip.setUseLanguageEncodingFlag(true);
            for (Map.Entry<String, String> file : textFiles.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                entry.setTime(1_717_984_800_000L); // fixed, so regenerating gives the same bytes
                zip.putArchiveEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    private static void addHeadingStyle(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading1");
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading 1");
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
        styles.addStyle(new XWPFStyle(style, styles));
    }
}
