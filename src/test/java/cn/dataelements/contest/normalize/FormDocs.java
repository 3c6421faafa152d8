package cn.dataelements.contest.normalize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.ToXMLContentHandler;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Builds small application forms as real docx files with POI and turns them into XHTML with Tika the way the
 * extraction child does (a {@link ToXMLContentHandler} teed with a body text handler), so the normalizer sees what
 * production gives it. Word's automatic numbering comes in its two real shapes: numbering linked to the heading style
 * (Tika drops the number) and numbering on the paragraph (Tika writes "1. " or "1、 " into the text).
 */
final class FormDocs {

    private final XWPFDocument doc = new XWPFDocument();
    private final BigInteger styleNumbering;
    private final BigInteger paragraphNumbering;

    FormDocs() {
        XWPFNumbering numbering = doc.createNumbering();
        styleNumbering =
                numbering.addNum(numbering.addAbstractNum(abstractNum(1, STNumberFormat.CHINESE_COUNTING, "%1、")));
        paragraphNumbering = numbering.addNum(numbering.addAbstractNum(abstractNum(2, STNumberFormat.DECIMAL, "%1.")));
        XWPFStyles styles = doc.createStyles();
        styles.addStyle(style(styles, "Heading1", "heading 1", null));
        styles.addStyle(style(styles, "Heading2", "heading 2", null));
        styles.addStyle(style(styles, "NumberedHeading1", "heading 1", styleNumbering));
    }

    /** A Word heading (Heading1) with its number typed into the text, if any. */
    FormDocs heading(String text) {
        return styled("Heading1", text);
    }

    FormDocs heading2(String text) {
        return styled("Heading2", text);
    }

    /** A Heading1 whose number comes from the style's linked list: the number is not in the text. */
    FormDocs autoNumberedHeading(String text) {
        return styled("NumberedHeading1", text);
    }

    /** A plain paragraph with Word numbering on the paragraph itself. */
    FormDocs numberedParagraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setNumID(paragraphNumbering);
        p.setNumILvl(BigInteger.ZERO);
        p.createRun().setText(text);
        return this;
    }

    FormDocs paragraph(String... texts) {
        for (String text : texts) {
            doc.createParagraph().createRun().setText(text);
        }
        return this;
    }

    /** A table; "\n" in a cell starts a new paragraph inside it. */
    FormDocs table(String[]... rows) {
        int columns = rows[0].length;
        XWPFTable table = doc.createTable(rows.length, columns);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns; c++) {
                String[] lines = rows[r][c].split("\n");
                table.getRow(r).getCell(c).setText(lines[0]);
                for (int l = 1; l < lines.length; l++) {
                    table.getRow(r).getCell(c).addParagraph().createRun().setText(lines[l]);
                }
            }
        }
        doc.createParagraph();
        return this;
    }

    String xhtml() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        doc.close();
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        TeeContentHandler handler = new TeeContentHandler(xhtml, new BodyContentHandler(new ToTextContentHandler()));
        new AutoDetectParser()
                .parse(new ByteArrayInputStream(out.toByteArray()), handler, new Metadata(), new ParseContext());
        return xhtml.toString();
    }

    private FormDocs styled(String styleId, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(styleId);
        p.createRun().setText(text);
        return this;
    }

    private static XWPFStyle style(XWPFStyles styles, String id, String name, BigInteger numId) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (numId != null) {
            CTNumPr numPr = style.addNewPPr().addNewNumPr();
            numPr.addNewNumId().setVal(numId);
            numPr.addNewIlvl().setVal(BigInteger.ZERO);
        }
        return new XWPFStyle(style, styles);
    }

    private static XWPFAbstractNum abstractNum(int id, STNumberFormat.Enum format, String text) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
        return new XWPFAbstractNum(abstractNum);
    }
}
