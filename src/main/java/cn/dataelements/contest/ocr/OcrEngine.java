package cn.dataelements.contest.ocr;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads the text of scans and photos with Tesseract, through Tika's {@link TesseractOCRParser} (Tesseract runs as a
 * process of its own, one page at a time): an image, turned upright by its EXIF orientation first, or each page of a
 * PDF rendered at {@code intake.ocr.dpi}. Its budgets (a page's time, a file's pages) are said in the result when hit.
 */
@Component
public class OcrEngine {

    private static final Logger log = LoggerFactory.getLogger(OcrEngine.class);

    /** Tesseract writes Chinese with a space between characters; the text has none. */
    private static final Pattern SPACE_IN_CHINESE =
            Pattern.compile("(?<=[\\p{IsHan}，。、；：！？（）《》“”])[ \\t]+(?=[\\p{IsHan}，。、；：！？（）《》“”])");

    /** What OCR read of a file: its text, the pages read, and what was left out (in Chinese), if anything. */
    public record Result(String text, int pages, String note) {}

    private final OcrProperties properties;
    private final TesseractOCRParser parser = new TesseractOCRParser();

    OcrEngine(OcrProperties properties) {
        this.properties = properties;
    }

    /** Whether Tesseract is installed where Tika looks for it. */
    public boolean available() {
        try {
            return parser.hasTesseract();
        } catch (TikaException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a file: an image, a PDF page by page, or the pictures of an OFD. */
    public Result read(Path file, String mediaType) throws IOException {
        if ("application/pdf".equals(mediaType)) {
            return readPdf(file);
        }
        if ("application/ofd".equals(mediaType)) {
            return readOfd(file);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            return new Result("", 0, "图片无法解码，未能识别文字。");
        }
        return new Result(page(upright(image, orientation(file))), 1, "");
    }

    private Result readPdf(Path file) throws IOException {
        List<String> pages = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            int count = pdf.getNumberOfPages();
            int read = Math.min(count, properties.maxPages());
            for (int i = 0; i < read; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, properties.dpi(), ImageType.GRAY);
                try {
                    pages.add(page(image));
                } catch (IOException e) {
                    notes.add("第 " + (i + 1) + " 页未能在时限内识别");
                    log.warn("OCR of page {} of {} failed: {}", i + 1, file.getFileName(), e.toString());
                }
            }
            if (count > read) {
                notes.add("只识别了前 " + read + " 页（共 " + count + " 页）");
            }
            return new Result(String.join("\n\n", pages).strip(), pages.size(), String.join("；", notes));
        }
    }

    /**
     * The pictures an OFD holds (a scan stored as OFD is a picture per page), in the order of their names, each read
     * as a page; at most {@code intake.ocr.max-pages} of them.
     */
    private Result readOfd(Path file) throws IOException {
        List<String> pages = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            List<? extends java.util.zip.ZipEntry> pictures = zip.stream()
                    .filter(e -> !e.isDirectory()
                            && e.getName().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|tiff?)$"))
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName))
                    .toList();
            int read = Math.min(pictures.size(), properties.maxPages());
            for (int i = 0; i < read; i++) {
                BufferedImage image;
                try (InputStream in = zip.getInputStream(pictures.get(i))) {
                    image = ImageIO.read(in);
                }
                if (image != null) {
                    pages.add(page(image));
                }
            }
            if (pictures.size() > read) {
                notes.add("只识别了前 " + read + " 幅图像（共 " + pictures.size() + " 幅）");
            }
        }
        return new Result(String.join("\n\n", pages).strip(), pages.size(), String.join("；", notes));
    }

    /** One page's text. */
    private String page(BufferedImage image) throws IOException {
        Path png = Files.createTempFile("ocr-", ".png");
        try {
            ImageIO.write(image, "png", png.toFile());
            TesseractOCRConfig config = new TesseractOCRConfig();
            config.setLanguage(properties.languages());
            config.setTimeoutSeconds((int) Math.max(1, properties.pageTimeout().toSeconds()));
            config.setPreserveInterwordSpacing(true);
            ParseContext context = new ParseContext();
            context.set(TesseractOCRConfig.class, config);
            BodyContentHandler text = new BodyContentHandler(-1);
            org.apache.tika.metadata.Metadata metadata = new org.apache.tika.metadata.Metadata();
            try (InputStream in = TikaInputStream.get(png)) {
                parser.parse(in, text, metadata, context);
            } catch (SAXException | TikaException e) {
                throw new IOException("Tesseract could not read the page: " + e.getMessage(), e);
            }
            return SPACE_IN_CHINESE.matcher(text.toString()).replaceAll("").strip();
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** The EXIF orientation of an image (1 upright, 3 upside down, 6 and 8 turned a quarter), 1 when it has none. */
    static int orientation(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION)
                    : 1;
        } catch (Exception e) {
            return 1;
        }
    }

    /** The image turned as its EXIF orientation says a viewer shows it (mirrored ones as their nearest turn). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int quarters = switch (orientation) {
            case 3, 4 -> 2;
            case 5, 6 -> 1;
            case 7, 8 -> 3;
            default -> 0;
        };
        if (quarters == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = quarters % 2 == 1;
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        switch (quarters) {
            case 1 -> {
                g.translate(h, 0);
                g.rotate(Math.PI / 2);
            }
            case 2 -> {
                g.translate(w, h);
                g.rotate(Math.PI);
            }
            default -> {
                g.translate(0, w);
                g.rotate(-Math.PI / 2);
            }
        }
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }
}
