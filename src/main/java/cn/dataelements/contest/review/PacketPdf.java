package cn.dataelements.contest.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a packet's summary as a PDF with PDFBox, Chinese in an embedded TrueType font (a subset of it): lines are
 * wrapped at any character of CJK text and between words of Latin text, closing punctuation hangs at the line's end
 * rather than starting the next line, pages break at the bottom margin, and each page carries its number. A character
 * the font has no glyph for is drawn as □ and listed, so nothing disappears silently.
 */
final class PacketPdf {

    /** What a block of text is: its size and the space around it. */
    enum Style {
        TITLE(18, 10),
        HEADING(14, 8),
        SUBHEADING(12, 4),
        BODY(10.5f, 3),
        NOTE(9, 2),
        /** Not text: what follows starts on a new page. */
        PAGE(0, 0);

        final float size;
        final float spaceBefore;

        Style(float size, float spaceBefore) {
            this.size = size;
            this.spaceBefore = spaceBefore;
        }
    }

    record Block(Style style, String text) {}

    /** The PDF, and the characters the font could not draw. */
    record Result(byte[] pdf, List<String> missing) {}

    private static final float MARGIN = 56;
    private static final float LEADING = 1.5f;
    private static final String NO_GLYPH = "□";
    private static final String HANGING = "，。、；：？！）》」』”’,.;:?!)]}%";

    private final Path fontFile;

    PacketPdf(Path fontFile) {
        this.fontFile = fontFile;
    }

    Result render(String title, List<Block> blocks) throws IOException {
        try (LoadedFont loaded = LoadedFont.open(fontFile);
                PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, loaded.font(), true);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setProducer("contest-intake");
            Writer writer = new Writer(document, font, loaded.font());
            for (Block block : blocks) {
                writer.block(block);
            }
            writer.finish();
            numberPages(document, font);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Result(out.toByteArray(), List.copyOf(writer.missing));
        }
    }

    /** The font, open until the document is saved (the subset is made then): a collection's first, or a .ttf. */
    private record LoadedFont(java.io.Closeable owner, TrueTypeFont font) implements AutoCloseable {

        static LoadedFont open(Path file) throws IOException {
            if (!file.getFileName()
                    .toString()
                    .toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".ttc")) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                return new LoadedFont(font, font);
            }
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return new LoadedFont(collection, first[0]);
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    private static void numberPages(PDDocument document, PDType0Font font) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                String label = "第 " + (i + 1) + " 页，共 " + total + " 页";
                float width = font.getStringWidth(label) / 1000 * Style.NOTE.size;
                content.beginText();
                content.setFont(font, Style.NOTE.size);
                content.newLineAtOffset((page.getMediaBox().getWidth() - width) / 2, MARGIN / 2);
                content.showText(label);
                content.endText();
            }
        }
    }

    /** Lays blocks out line by line over as many pages as they need. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final TrueTypeFont glyphs;
        private final Map<Integer, Float> widths = new HashMap<>();
        private final TreeSet<String> missing = new TreeSet<>();
        private final float lineWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDType0Font font, TrueTypeFont glyphs) throws IOException {
            this.document = document;
            this.font = font;
            this.glyphs = glyphs;
            newPage();
        }

        void block(Block block) throws IOException {
            if (block.style() == Style.PAGE) {
                newPage();
                return;
            }
            float size = block.style().size;
            y -= block.style().spaceBefore;
            for (String paragraph : drawable(block.text()).split("\n", -1)) {
                for (String line : wrap(paragraph, size)) {
                    if (y - size * LEADING < MARGIN) {
                        newPage();
                    }
                    y -= size * LEADING;
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(line);
                    content.endText();
                }
            }
        }

        void finish() throws IOException {
            content.close();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** The text with every character the font cannot draw as □, control characters dropped, tabs as spaces. */
        private String drawable(String text) throws IOException {
            StringBuilder out = new StringBuilder();
            // every kind of line or page break Word and PDF texts carry is a line break here
            String clean = (text == null ? "" : text)
                    .replace("\r\n", "\n")
                    .replaceAll("[\r\u000B\f\u0085\u2028\u2029]", "\n")
                    .replace("\t", "    ");
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                    continue;
                } else if (glyphs.getUnicodeCmapLookup().getGlyphId(cp) == 0) {
                    missing.add(new String(Character.toChars(cp)));
                    out.append(NO_GLYPH);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            return out.toString();
        }

        private List<String> wrap(String paragraph, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String token : tokens(paragraph)) {
                float width = width(token, size);
                // one closing mark may hang past the line's end (into the margin), never two
                boolean hangs = token.length() == 1 && HANGING.indexOf(token.charAt(0)) >= 0 && used <= lineWidth;
                if (used + width > lineWidth && line.length() > 0 && !hangs) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    used = 0;
                    if (token.isBlank()) {
                        continue;
                    }
                }
                if (width > lineWidth) {
                    // a Latin run longer than a line (a URL): broken at any character
                    for (String piece : pieces(token, size, lineWidth - used)) {
                        if (used > 0 && used + width(piece, size) > lineWidth) {
                            lines.add(line.toString());
                            line.setLength(0);
                            used = 0;
                        }
                        line.append(piece);
                        used += width(piece, size);
                    }
                    continue;
                }
                line.append(token);
                used += width;
            }
            lines.add(line.toString().stripTrailing());
            return lines;
        }

        /** A run of Latin letters and digits is one token; every other character is one of its own. */
        private static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            StringBuilder latin = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (cp < 0x2E80 && (Character.isLetterOrDigit(cp) || "._-/@:%#&=+~".indexOf(cp) >= 0)) {
                    latin.appendCodePoint(cp);
                    return;
                }
                if (!latin.isEmpty()) {
                    tokens.add(latin.toString());
                    latin.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
            });
            if (!latin.isEmpty()) {
                tokens.add(latin.toString());
            }
            return tokens;
        }

        private List<String> pieces(String token, float size, float firstRoom) throws IOException {
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            float room = firstRoom;
            float used = 0;
            for (int i = 0; i < token.length(); i++) {
                float w = width(String.valueOf(token.charAt(i)), size);
                if (used + w > room && piece.length() > 0) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    used = 0;
                    room = lineWidth;
                }
                piece.append(token.charAt(i));
                used += w;
            }
            pieces.add(piece.toString());
            return pieces;
        }

        private float width(String text, float size) throws IOException {
            float total = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                Float w = widths.get(cp);
                if (w == null) {
                    w = font.getStringWidth(new String(Character.toChars(cp)));
                    widths.put(cp, w);
                }
                total += w;
            }
            return total / 1000 * size;
        }
    }
}
