package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.dom4j.Element;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads an OFD (GB/T 33190, the national format of e-government documents and e-invoices) with ofdrw, in the
 * extraction child: its text page by page, each text object a line in the order the page holds them, as plain text
 * and as XHTML with a {@code div} per page. Says how many seals and signatures it carries ({@link
 * Extraction#SIGNATURES}) and which pages hold only images ({@link Extraction#IMAGE_ONLY_PAGES}), which only OCR can
 * read. Tika has no parser for OFD, which it sees as a zip.
 */
final class OfdText {

    static final String MEDIA_TYPE = "application/ofd";

    private OfdText() {}

    /** Whether the file is an OFD: a zip with {@code OFD.xml} at its root. */
    static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("OFD.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static ChildReply read(Path file, int maxTextChars) {
        StringBuilder text = new StringBuilder();
        StringBuilder xhtml = new StringBuilder("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head></head><body>");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> imageOnly = new ArrayList<>();
        boolean truncated = false;
        try (OFDReader reader = new OFDReader(file)) {
            ContentExtractor extractor = new ContentExtractor(reader);
            int pages = reader.getNumberOfPages();
            metadata.put(Extraction.PAGE_COUNT, String.valueOf(pages));
            for (int page = 1; page <= pages && !truncated; page++) {
                List<String> lines = extractor.getPageContent(page);
                if (lines.stream().allMatch(String::isBlank)) {
                    if (hasImages(reader, page)) {
                        imageOnly.add(String.valueOf(page));
                    }
                    continue;
                }
                xhtml.append("<div class=\"page\">");
                for (String line : lines) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String kept = line;
                    if (text.length() + line.length() + 1 > maxTextChars) {
                        kept = line.substring(0, Math.max(0, maxTextChars - text.length()));
                        truncated = true;
                    }
                    text.append(kept).append('\n');
                    xhtml.append("<p>").append(HtmlUtils.htmlEscape(kept)).append("</p>");
                    if (truncated) {
                        break;
                    }
                }
                xhtml.append("</div>");
                text.append('\n');
            }
            int signatures = signatures(reader);
            if (signatures > 0) {
                metadata.put(Extraction.SIGNATURES, String.valueOf(signatures));
            }
        } catch (IOException | RuntimeException e) {
            return new ChildReply(
                    ChildReply.Status.CORRUPT,
                    MEDIA_TYPE,
                    "",
                    "",
                    Map.of(),
                    "OFD cannot be read: " + e.getClass().getName() + ": " + e.getMessage());
        }
        if (!imageOnly.isEmpty()) {
            metadata.put(Extraction.IMAGE_ONLY_PAGES, String.join(",", imageOnly));
        }
        if (truncated) {
            metadata.put(Extraction.TRUNCATED, "true");
        }
        xhtml.append("</body></html>");
        return new ChildReply(
                ChildReply.Status.OK, MEDIA_TYPE, text.toString().strip(), xhtml.toString(), metadata, "");
    }

    /** The seals (电子签章) and digital signatures the document lists. */
    private static int signatures(OFDReader reader) {
        if (!reader.hasSignature()) {
            return 0;
        }
        Signatures listed = reader.getDefaultSignatures();
        return listed == null ? 1 : Math.max(1, listed.getSignatures().size());
    }

    /** Whether a page (its templates' layers too) draws an image. */
    private static boolean hasImages(OFDReader reader, int page) {
        for (CT_Layer layer : reader.getPageInfo(page).getAllLayer()) {
            if (holds(layer, "ImageObject")) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Element element, String name) {
        if (element.getName().equals(name)) {
            return true;
        }
        for (Element child : element.elements()) {
            if (holds(child, name)) {
                return true;
            }
        }
        return false;
    }
}
