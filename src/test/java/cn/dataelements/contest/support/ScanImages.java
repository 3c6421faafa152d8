package cn.dataelements.contest.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scans made by the tests: Chinese text drawn with the installed WenQuanYi font onto an image, as PNG, as a JPEG stored
 * turned with an EXIF orientation that turns it back, and as an image-only PDF.
 */
public final class ScanImages {

    private static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private ScanImages() {}

    /** A white page with the lines drawn in black, large enough for OCR. */
    public static BufferedImage page(List<String> lines) throws IOException {
        Font font;
        try {
            font = Font.createFonts(FONT)[0].deriveFont(56f);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
        BufferedImage image = new BufferedImage(1600, 140 + 100 * lines.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 60, 110 + 100 * i);
        }
        g.dispose();
        return image;
    }

    public static byte[] png(List<String> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page(lines), "png", out);
        return out.toByteArray();
    }

    /**
     * A JPEG whose pixels are the page turned a quarter to the left, with EXIF orientation 6 (turn right to view):
     * what a phone writes for a photo taken sideways.
     */
    public static byte[] turnedJpeg(List<String> lines) throws IOException {
        BufferedImage upright = page(lines);
        int w = upright.getWidth();
        int h = upright.getHeight();
        BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                // a quarter turn to the left: (x, y) goes to (y, w - 1 - x)
                turned.setRGB(y, w - 1 - x, upright.getRGB(x, y));
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(turned, "jpg", jpeg);
        return withOrientation(jpeg.toByteArray(), 6);
    }

    /** An image-only PDF: one page holding the picture of the lines, no text layer. */
    public static byte[] scannedPdf(List<String> lines) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            BufferedImage image = page(lines);
            PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                float width = PDRectangle.A4.getWidth() - 40;
                float height = width * image.getHeight() / image.getWidth();
                content.drawImage(picture, 20, PDRectangle.A4.getHeight() - 40 - height, width, height);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** The JPEG with an EXIF APP1 segment holding only the orientation, right after its start marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // big-endian TIFF header, IFD0 at offset 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no next IFD
        };
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int length = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
