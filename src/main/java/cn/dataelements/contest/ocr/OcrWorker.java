package cn.dataelements.contest.ocr;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.OriginalFiles;
import cn.dataelements.contest.intake.SubmissionIntake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OCR's own phase, after intake: one thread takes the oldest waiting file ({@link OcrTexts}), reads it page by page
 * ({@link OcrEngine}), keeps its text, and takes every submission holding it in again from the archive, as a re-run
 * does (no receipt, no ledger line), so that its entry is checked again and found by its OCR text. A submission is
 * indexed and searchable at once with the text its files have; OCR never holds the intake of anyone's mail. Several
 * instances share the queue: a file one of them reads is skipped by the others.
 */
@Component
public class OcrWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OcrWorker.class);

    private final OcrTexts texts;
    private final OcrEngine engine;
    private final OcrProperties properties;
    private final OriginalFiles originals;
    private final SubmissionArchive archive;
    private final SubmissionIntake intake;
    private final TransactionTemplate transactions;
    private final cn.dataelements.contest.system.Periodic periodic = new cn.dataelements.contest.system.Periodic("ocr");

    OcrWorker(
            OcrTexts texts,
            OcrEngine engine,
            OcrProperties properties,
            OriginalFiles originals,
            SubmissionArchive archive,
            SubmissionIntake intake,
            TransactionTemplate transactions) {
        this.texts = texts;
        this.engine = engine;
        this.properties = properties;
        this.originals = originals;
        this.archive = archive;
        this.intake = intake;
        this.transactions = transactions;
    }

    /** Reads waiting files until none waits; returns how many were read. */
    int drain() {
        int read = 0;
        while (readOne()) {
            read++;
        }
        return read;
    }

    private boolean readOne() {
        List<String> submissions = transactions.execute(status -> {
            Optional<OcrTexts.Waiting> waiting = texts.claim();
            if (waiting.isEmpty()) {
                return null;
            }
            return texts.finish(read(waiting.get()));
        });
        if (submissions == null) {
            return false;
        }
        for (String submission : submissions) {
            try {
                Optional<ArchivedSubmission> archived = archive.get(submission);
                if (archived.isPresent()) {
                    intake.replay(intake.prepare(archived.get()));
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Submission {} could not be taken in again with its OCR text: {}", submission, e.toString());
            }
        }
        return true;
    }

    /** The file's OCR text; a file that cannot be read gives an empty text with the reason, never a retry loop. */
    private OcrTexts.Text read(OcrTexts.Waiting waiting) {
        long started = System.nanoTime();
        try {
            Path scratch = Files.createTempFile("ocr-source-", "");
            try {
                boolean found = originals.send(
                        waiting.submissionId(),
                        waiting.sha256(),
                        waiting.path(),
                        (name, file, size) ->
                                Files.copy(file, scratch, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
                if (!found) {
                    return text(waiting, "", 0, "原件在存档中找不到，未能识别。", started);
                }
                OcrEngine.Result result = engine.read(scratch, waiting.mediaType());
                log.info(
                        "OCR read {} page(s) of {} in {} ms{}",
                        result.pages(),
                        waiting.path(),
                        (System.nanoTime() - started) / 1_000_000,
                        result.note().isEmpty() ? "" : " (" + result.note() + ")");
                return text(waiting, result.text(), result.pages(), result.note(), started);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("OCR of {} failed: {}", waiting.path(), e.toString());
            return text(waiting, "", 0, "识别失败：" + e.getMessage(), started);
        }
    }

    private static OcrTexts.Text text(OcrTexts.Waiting waiting, String text, int pages, String note, long started) {
        return new OcrTexts.Text(waiting.sha256(), text, pages, note, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        if (!engine.available()) {
            log.warn("OCR is on but Tesseract is not installed: scans and photos wait unread (bin/setup installs it)");
            return;
        }
        periodic.start(properties.pollEvery(), this::drain);
    }

    @Override
    public void stop() {
        periodic.stop();
    }

    @Override
    public boolean isRunning() {
        return periodic.running();
    }
}
