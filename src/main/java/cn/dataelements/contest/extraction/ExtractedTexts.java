package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The text and structure extracted from each file, kept beside the archive so a file read once is not extracted again:
 * by a rebuild (which replays the whole archive), or when a team sends the same file with its next version. A kept
 * extraction is found by the file's sha-256, its name's extension (Tika's type detection reads the name) and the
 * extractor's fingerprint (the Tika version and {@link #FORMAT}); any change of those extracts again. Only readable
 * files are kept: a failure (a timeout on a busy machine, a file too large for the child) is tried again next time.
 * The folder is a cache: deleting it loses nothing, it is filled again as files are read.
 */
@Component
public class ExtractedTexts {

    /**
     * Raised whenever the child's output for the same file and Tika version changes (its handler, XHTML, metadata,
     * parser settings such as the OCR strategy). 2: PDFs parsed without OCR. 3: OFD read with ofdrw (its text, seals
     * and image-only pages), where Tika saw a zip.
     */
    static final int FORMAT = 3;

    private static final Logger log = LoggerFactory.getLogger(ExtractedTexts.class);
    /** Its own mapper: the format on disk does not follow the app's JSON settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one extraction gave, with the text limit it ran under. */
    record Kept(int limit, Extraction extraction) {}

    private final Path dir;
    private final boolean reuse;
    private final int maxTextChars;
    private final String fingerprint;
    private final AtomicInteger afresh = new AtomicInteger();

    @Autowired
    ExtractedTexts(ExtractedTextsProperties properties, ExtractionSettings settings) {
        this(properties.dir(), properties.reuse(), settings.maxTextChars());
    }

    ExtractedTexts(Path dir, boolean reuse, int maxTextChars) {
        this.dir = dir;
        this.reuse = reuse;
        this.maxTextChars = maxTextChars;
        this.fingerprint =
                sha256("tika=" + Tika.getString() + ";format=" + FORMAT).substring(0, 12);
    }

    /** Keeps nothing and finds nothing: every file is extracted. */
    public static ExtractedTexts none() {
        return new ExtractedTexts(null, false, Integer.MAX_VALUE);
    }

    /**
     * The extraction of this file as the extractor would give it now under this name and text limit, if it was
     * extracted before; empty when it must be extracted.
     */
    public Optional<Extraction> find(String sha256, String displayName, int maxTextChars) {
        if (!reuse || afresh.get() > 0) {
            return Optional.empty();
        }
        Path file = fileOf(sha256, displayName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Kept kept;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            kept = JSON.readValue(in, Kept.class);
        } catch (IOException | RuntimeException e) {
            log.warn("Extracted text {} is unreadable ({}); the file is extracted again", file, e.toString());
            return Optional.empty();
        }
        int limit = Math.min(maxTextChars, this.maxTextChars);
        Extraction was = kept.extraction();
        boolean whole = !"true".equals(was.metadata().get(Extraction.TRUNCATED));
        if (!was.ok() || (kept.limit() != limit && !(whole && was.text().length() <= limit))) {
            return Optional.empty();
        }
        return Optional.of(new Extraction(
                displayName,
                was.mediaType(),
                was.text(),
                was.xhtml(),
                was.metadata(),
                was.problems().stream()
                        .map(p -> p.location().equals(was.displayName())
                                ? new Problem(p.code(), p.messageZh(), p.detailEn(), displayName)
                                : p)
                        .toList(),
                true));
    }

    /** Keeps a readable file's extraction, made under this text limit; a failure to keep it only costs speed later. */
    public void keep(String sha256, String displayName, int maxTextChars, Extraction extraction) {
        if (dir == null || !extraction.ok()) {
            return;
        }
        Path file = fileOf(sha256, displayName);
        try {
            Files.createDirectories(file.getParent());
            Path temp =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
                JSON.writeValue(out, new Kept(Math.min(maxTextChars, this.maxTextChars), extraction));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the extracted text of {} in {}: {}", displayName, dir, e.toString());
        }
    }

    /** Runs the work with every file extracted again, and kept anew: a rebuild that must not trust what was kept. */
    public <T> T extractingAfresh(Callable<T> work) throws Exception {
        afresh.incrementAndGet();
        try {
            return work.call();
        } finally {
            afresh.decrementAndGet();
        }
    }

    private Path fileOf(String sha256, String displayName) {
        String name = displayName.substring(displayName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!extension.matches("[a-z0-9]{1,10}")) {
            extension = "none";
        }
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + extension + "." + fingerprint + ".json.gz");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
