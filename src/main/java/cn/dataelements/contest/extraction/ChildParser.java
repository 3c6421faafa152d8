package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.Request;
import cn.dataelements.contest.extraction.ChildReply.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.ToXMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Runs inside the child JVM: parses one file with Tika's {@link AutoDetectParser} into plain text and XHTML at once,
 * and sorts failures into the statuses the parent reports. Embedded documents are not parsed: the application walks
 * archives and attachments itself, and would otherwise index their text twice.
 */
final class ChildParser {

    /** Our key and the Tika properties it is read from, first present wins (PDFs and Office files differ). */
    private static final List<Map.Entry<String, Property>> SELECTED = List.of(
            Map.entry(Extraction.TITLE, TikaCoreProperties.TITLE),
            Map.entry(Extraction.AUTHOR, TikaCoreProperties.CREATOR),
            Map.entry(Extraction.CREATED, TikaCoreProperties.CREATED),
            Map.entry(Extraction.MODIFIED, TikaCoreProperties.MODIFIED),
            Map.entry(Extraction.PAGE_COUNT, PagedText.N_PAGES),
            Map.entry(Extraction.PAGE_COUNT, Office.PAGE_COUNT),
            Map.entry(Extraction.WORD_COUNT, Office.WORD_COUNT),
            Map.entry(Extraction.LANGUAGE, TikaCoreProperties.LANGUAGE));

    private final AutoDetectParser parser = new AutoDetectParser();

    ChildReply parse(Request request) {
        if (OfdText.isOfd(Path.of(request.path()))) {
            return OfdText.read(Path.of(request.path()), request.maxTextChars());
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, request.displayName());
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        ToTextContentHandler text = new ToTextContentHandler();
        BoundedTeeHandler handler = new BoundedTeeHandler(
                new TeeContentHandler(xhtml, new BodyContentHandler(text)), request.maxTextChars());
        try (InputStream in = TikaInputStream.get(Path.of(request.path()), metadata)) {
            parser.parse(in, handler, metadata, context());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return failure(e, metadata);
            }
        }
        if (parsedByNothing(metadata)) {
            return reply(Status.UNSUPPORTED, metadata, "", "", "No parser for " + mediaType(metadata));
        }
        Map<String, String> selected = select(metadata);
        if (handler.truncated()) {
            selected.put(Extraction.TRUNCATED, "true");
        }
        return new ChildReply(Status.OK, mediaType(metadata), text.toString(), xhtml.toString(), selected, "");
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
        // No OCR while a submission is read: Tika's default (AUTO) looks for an engine on every page with little text
        // (a scanned licence, a photographed proof) and, finding no parser in the context, failed the whole PDF.
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        // Tesseract is installed for OCR's own phase after intake (OcrWorker): reading a scan here, page by page,
        // would hold a submission (and the mails behind it) for minutes.
        org.apache.tika.parser.ocr.TesseractOCRConfig ocr = new org.apache.tika.parser.ocr.TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(org.apache.tika.parser.ocr.TesseractOCRConfig.class, ocr);
        return context;
    }

    private static ChildReply failure(Exception e, Metadata metadata) {
        String detail = e.getClass().getName() + ": " + e.getMessage() + causes(e);
        Status status = isEncrypted(e) ? Status.ENCRYPTED : Status.CORRUPT;
        return reply(status, metadata, "", "", detail);
    }

    private static boolean isEncrypted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tika.exception.EncryptedDocumentException
                    || t instanceof EncryptedDocumentException
                    || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                return true;
            }
        }
        return false;
    }

    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            s.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }

    private static boolean parsedByNothing(Metadata metadata) {
        String[] parsers = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        for (String p : parsers) {
            if (!p.equals(EmptyParser.class.getName()) && !p.endsWith("DefaultParser")) {
                return false;
            }
        }
        return true;
    }

    private static String mediaType(Metadata metadata) {
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return type == null
                ? MediaType.OCTET_STREAM.toString()
                : MediaType.parse(type).getBaseType().toString();
    }

    private static ChildReply reply(Status status, Metadata metadata, String text, String xhtml, String detail) {
        return new ChildReply(status, mediaType(metadata), text, xhtml, Map.of(), detail);
    }

    private static Map<String, String> select(Metadata metadata) {
        Map<String, String> selected = new LinkedHashMap<>();
        for (Map.Entry<String, Property> e : SELECTED) {
            String value = metadata.get(e.getValue());
            if (value != null && !value.isBlank()) {
                selected.putIfAbsent(e.getKey(), value.strip());
            }
        }
        return selected;
    }

    /** Records nothing of embedded documents: their bytes are the application's to walk, not Tika's. */
    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // deliberately empty
        }
    }
}
