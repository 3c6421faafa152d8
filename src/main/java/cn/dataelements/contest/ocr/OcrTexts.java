package cn.dataelements.contest.ocr;

import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What OCR read and what waits for it ({@code ocr_texts}, {@code ocr_queue}). A file waits when its text is in its
 * pictures: an image (jpg, png, tif, bmp), or a PDF that gave (almost) no text. Its text is kept by the file's
 * sha-256, once for every submission that holds it.
 */
@Component
public class OcrTexts {

    /** Where a file stands with OCR, as 作品 shows it. */
    public enum State {
        WAITING,
        DONE
    }

    /** A file's OCR text, with the pages read and what was left out (a budget hit), if anything. */
    public record Text(String sha256, String text, int pages, String note, long millis) {}

    /** A file waiting for OCR. */
    public record Waiting(String sha256, String submissionId, String path, String mediaType) {}

    /** The mark that sets OCR's text apart from a file's own, wherever the text is shown or checked. */
    public static final String MARK = "〔以下文字由 OCR 从图像识别〕";

    /** A PDF with fewer characters than this per page is taken for a scan. */
    static final int SCANNED_CHARS_PER_PAGE = 20;

    private final JdbcClient db;

    OcrTexts(JdbcClient db, io.micrometer.core.instrument.MeterRegistry meters) {
        this.db = db;
        io.micrometer.core.instrument.Gauge.builder("intake.ocr.waiting", this, OcrTexts::waiting)
                .description("Files waiting for OCR")
                .register(meters);
    }

    /** Whether the file's text is in its pictures: an image, or a PDF or an OFD that gave almost no text. */
    public static boolean needsOcr(FileDocument file) {
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        if (type.equals("image/jpeg")
                || type.equals("image/png")
                || type.equals("image/tiff")
                || type.equals("image/bmp")
                || type.equals("image/x-ms-bmp")) {
            return true;
        }
        String text = file.text() == null ? "" : file.text().strip();
        return (type.equals("application/pdf") || type.equals("application/ofd"))
                && text.length() < SCANNED_CHARS_PER_PAGE;
    }

    /** Puts the submission's files that need OCR, and have no OCR text yet, in the queue (in the caller's transaction). */
    public void enqueue(String submissionId, List<FileDocument> files) {
        for (FileDocument file : files) {
            if (needsOcr(file) && find(file.sha256()).isEmpty()) {
                db.sql("insert into ocr_queue (sha256, submission_id, path, media_type, enqueued_at)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                file.sha256(),
                                submissionId,
                                file.path(),
                                file.contentType(),
                                Timestamp.from(Instant.now()))
                        .update();
            }
        }
    }

    public Optional<Text> find(String sha256) {
        return db.sql("select sha256, text, pages, note, millis from ocr_texts where sha256 = ?")
                .param(sha256)
                .query((rs, n) -> new Text(
                        rs.getString("sha256"),
                        rs.getString("text"),
                        rs.getInt("pages"),
                        rs.getString("note"),
                        rs.getLong("millis")))
                .optional();
    }

    /** The OCR texts of these files, by sha-256: those that have one. */
    public Map<String, String> texts(Collection<String> sha256s) {
        Map<String, String> texts = new HashMap<>();
        if (sha256s.isEmpty()) {
            return texts;
        }
        db.sql("select sha256, text from ocr_texts where sha256 = any (?)")
                .param(sha256s.toArray(String[]::new))
                .query(rs -> {
                    texts.put(rs.getString("sha256"), rs.getString("text"));
                });
        return texts;
    }

    /** Where each of these files stands with OCR; a file OCR has nothing to do with is absent. */
    public Map<String, State> states(Collection<String> sha256s) {
        Map<String, State> states = new HashMap<>();
        if (sha256s.isEmpty()) {
            return states;
        }
        String[] keys = sha256s.toArray(String[]::new);
        db.sql("select distinct sha256 from ocr_queue where done_at is null and sha256 = any (?)")
                .param(keys)
                .query(rs -> {
                    states.put(rs.getString(1), State.WAITING);
                });
        db.sql("select sha256 from ocr_texts where sha256 = any (?)")
                .param(keys)
                .query(rs -> {
                    states.put(rs.getString(1), State.DONE);
                });
        return states;
    }

    /** The oldest waiting file, taken by this worker until its transaction ends (another instance skips it). */
    Optional<Waiting> claim() {
        return db.sql("select sha256, submission_id, path, media_type from ocr_queue where done_at is null"
                        + " order by enqueued_at limit 1 for update skip locked")
                .query((rs, n) -> new Waiting(
                        rs.getString("sha256"),
                        rs.getString("submission_id"),
                        rs.getString("path"),
                        rs.getString("media_type")))
                .optional();
    }

    /** Keeps the text and marks every submission's wait for this file over; answers those submissions. */
    List<String> finish(Text text) {
        db.sql("insert into ocr_texts (sha256, text, pages, note, millis, finished_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (sha256) do update set text = excluded.text, pages = excluded.pages,"
                        + " note = excluded.note, millis = excluded.millis, finished_at = excluded.finished_at")
                .params(
                        text.sha256(),
                        text.text(),
                        text.pages(),
                        text.note(),
                        text.millis(),
                        Timestamp.from(Instant.now()))
                .update();
        return db.sql("update ocr_queue set done_at = ? where sha256 = ? and done_at is null returning submission_id")
                .params(Timestamp.from(Instant.now()), text.sha256())
                .query(String.class)
                .list();
    }

    /** How many files wait for OCR: the backlog. */
    public long waiting() {
        return db.sql("select count(distinct sha256) from ocr_queue where done_at is null")
                .query(Long.class)
                .single();
    }
}
