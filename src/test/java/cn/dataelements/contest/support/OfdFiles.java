package cn.dataelements.contest.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/** OFD files made by the tests with ofdrw's own writer: pages of text, a page that is only an image, a seal. */
public final class OfdFiles {

    private OfdFiles() {}

    /**
     * An OFD with a page per paragraph of text and, when asked, a last page holding only an image (a scan).
     *
     * @return the file's bytes
     */
    public static byte[] write(List<String> pages, boolean scannedPage) throws IOException {
        return write(pages, scannedPage ? null : new byte[0]);
    }

    /**
     * An OFD with a page per paragraph of text and, unless {@code scan} is empty, a last page holding only this PNG
     * (a blank form's picture when null).
     */
    public static byte[] write(List<String> pages, byte[] scan) throws IOException {
        Path dir = Files.createTempDirectory("ofd-");
        Path file = dir.resolve("document.ofd");
        try (OFDDoc doc = new OFDDoc(file)) {
            for (String text : pages) {
                VirtualPage page = new VirtualPage(PageLayout.A4());
                page.add(new Paragraph(20d, 20d, 170d, 200d, text, 5d));
                doc.addVPage(page);
            }
            if (scan == null || scan.length > 0) {
                Path png = dir.resolve("scan.png");
                Files.write(png, scan == null ? blank() : scan);
                Img img = new Img(170d, 60d, png);
                img.setPosition(Position.Absolute).setXY(20d, 20d);
                VirtualPage page = new VirtualPage(PageLayout.A4());
                page.add(img);
                doc.addVPage(page);
            }
        }
        return Files.readAllBytes(file);
    }

    /** A blank form's picture: a frame on white. */
    private static byte[] blank() throws IOException {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.drawRect(10, 10, 180, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * The OFD with an electronic seal (电子签章) listed, as a stamping tool leaves it: a {@code Signatures.xml} the
     * document's {@code DocBody} names, with one signature of type Seal. The seal's own signed data is a stand-in:
     * what is checked is that the file says it is stamped.
     */
    public static byte[] sealed(byte[] ofd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(ofd), StandardCharsets.UTF_8);
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("OFD.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    xml = xml.replaceFirst(
                            "(</ofd:DocRoot>)", "$1<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>");
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("Doc_0/Signs/Signatures.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<ofd:Signatures xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:MaxSignId>1</ofd:MaxSignId>"
                            + "<ofd:Signature ID=\"1\" Type=\"Seal\" BaseLoc=\"Sign_0/Signature.xml\"/></ofd:Signatures>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Doc_0/Signs/Sign_0/Signature.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<ofd:Signature xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:SignedInfo>"
                            + "<ofd:Provider ProviderName=\"test\"/></ofd:SignedInfo>"
                            + "<ofd:SignedValue>Sign_0/SignedValue.dat</ofd:SignedValue></ofd:Signature>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
