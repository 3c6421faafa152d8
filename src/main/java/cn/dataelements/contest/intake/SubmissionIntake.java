package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.index.ProjectionQueue;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.ocr.OcrTexts;
import cn.dataelements.contest.submission.PermanentIntakeException;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The step after archiving, for every channel. A submission is read from the archive (at once, in parallel with the
 * poll's other items), then taken in by one transaction: its view and its team's entry with the version number, the
 * pre-check, the receipt's decision (a transactional outbox), its ledger line and the end of its failed attempts commit
 * together or not at all. A crash anywhere before the commit leaves the item to be read again; a submission whose row
 * is there was taken, and is counted as a duplicate or a redelivery. Elasticsearch is given the committed state after
 * the commit ({@link ProjectionQueue}): intake goes on while the index is down, and the index catches up.
 */
@Component
public class SubmissionIntake {

    private final SubmissionReaders readers;
    private final EntryBuilder entries;
    private final EntryStore store;
    private final EntryCheck check;
    private final TeamReceipt receipt;
    private final ProjectionQueue queue;
    private final IntakeLedger ledger;
    private final IntakeAttempts attempts;
    private final IntakeHealth health;
    private final OcrTexts ocr;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    SubmissionIntake(
            io.micrometer.core.instrument.MeterRegistry meters,
            OcrTexts ocr,
            SubmissionReaders readers,
            EntryBuilder entries,
            EntryStore store,
            EntryCheck check,
            TeamReceipt receipt,
            ProjectionQueue queue,
            IntakeLedger ledger,
            IntakeAttempts attempts,
            IntakeHealth health) {
        this.meters = meters;
        this.ocr = ocr;
        this.readers = readers;
        this.entries = entries;
        this.store = store;
        this.check = check;
        this.receipt = receipt;
        this.queue = queue;
        this.ledger = ledger;
        this.attempts = attempts;
        this.health = health;
    }

    /**
     * Takes the submission in; returns what was taken, or null when it had been taken before. When the route reads a
     * poll's items in parallel ({@link IntakeTurns}), the reading runs at once and the rest waits for the items before.
     */
    public TakenSubmission take(ArchivedSubmission archived, Exchange exchange) {
        String route = exchange.getFromRouteId();
        Optional<IntakeTurns.Turn> turn =
                Optional.ofNullable(exchange.getProperty(IntakeTurns.PROPERTY, IntakeTurns.Turn.class));
        Optional<String> item = Optional.ofNullable(exchange.getProperty(IntakeFailures.SOURCE, SourceItem.class))
                .map(SourceItem::key);
        TakenSubmission taken = null;
        if (store.taken(archived.id())) {
            record(route, archived.isResent() ? Outcome.DUPLICATE : Outcome.ALREADY_INDEXED, archived);
        } else {
            Prepared prepared = prepare(archived);
            turn.ifPresent(IntakeTurns.Turn::await);
            taken = queue.inTransaction(() -> {
                store.lockSubmission(archived.id());
                if (store.taken(archived.id())) {
                    return null;
                }
                TakenSubmission in = takeIn(prepared, Optional.of(route)).taken();
                item.ifPresent(attempts::succeeded);
                return in;
            });
            if (taken == null) {
                // the same bytes came twice in one poll, and the other copy was first
                record(route, Outcome.DUPLICATE, archived);
            }
        }
        health.itemSucceeded(route);
        if (taken != null && archived.received() != null && archived.received().receivedAt() != null) {
            // from the channel's own receipt time to taken in (its search document follows within the refresh)
            meters.timer("intake.latency", "route", route)
                    .record(java.time.Duration.between(archived.received().receivedAt(), java.time.Instant.now()));
        }
        // A failure keeps the turn through its redeliveries: the consumer gives it up when the item is over.
        turn.ifPresent(IntakeTurns.Turn::done);
        return taken;
    }

    /**
     * Takes a quarantined submission in again from the archive, as live intake would, at an organizer's request after
     * the cause was fixed (a mapping, a limit, the catalog): one fresh attempt, its outcome in the ledger. A submission
     * already taken in is counted as such; one that fails again is quarantined again with the reason.
     *
     * @return the outcome, and the reason when it failed again
     */
    public Retried retry(ArchivedSubmission archived, String route) {
        if (store.taken(archived.id())) {
            record(route, Outcome.ALREADY_INDEXED, archived);
            return new Retried(Outcome.ALREADY_INDEXED, "");
        }
        try {
            Prepared prepared = prepare(archived);
            Replayed taken = queue.inTransaction(() -> {
                store.lockSubmission(archived.id());
                return store.taken(archived.id()) ? null : takeIn(prepared, Optional.of(route));
            });
            if (taken == null) {
                record(route, Outcome.ALREADY_INDEXED, archived);
                return new Retried(Outcome.ALREADY_INDEXED, "");
            }
        } catch (RuntimeException e) {
            String reason = "retried by hand: " + e.getMessage();
            ledger.record(
                    route,
                    Outcome.QUARANTINED,
                    archived.id(),
                    archived.received().messageId(),
                    archived.received().folder(),
                    archived.received().uid(),
                    reason);
            return new Retried(
                    Outcome.QUARANTINED,
                    e instanceof PermanentIntakeException p ? p.messageZh() : "重新处理失败：" + e.getMessage());
        }
        return new Retried(Outcome.INDEXED, "");
    }

    /** What a retry came to: the outcome, and for a failure the reason in Chinese. */
    public record Retried(Outcome outcome, String reasonZh) {}

    /**
     * Takes an archived submission in again, as live intake did, but sends nothing and records nothing in the ledger:
     * what a re-run does with each submission of the archive, in the order of receipt. Its version number, receipt and
     * every decision people made stay as they were.
     */
    public Replayed replay(Prepared prepared) {
        return queue.inTransaction(() -> {
            store.lockSubmission(prepared.archived().id());
            return takeIn(prepared, Optional.empty());
        });
    }

    /** A submission taken in again, and whether its entry's findings changed. */
    public record Replayed(TakenSubmission taken, boolean findingsChanged) {}

    /** What can be done for a submission on its own, in parallel with others: read it, build its own view. */
    public record Prepared(ArchivedSubmission archived, ReadSubmission read, Entry view) {}

    public Prepared prepare(ArchivedSubmission archived) {
        ReadSubmission read = withOcr(readers.read(archived));
        return new Prepared(archived, read, entries.build(read));
    }

    /**
     * The submission with the text OCR read from its scans and photos added to each such file's own (after
     * {@link OcrTexts#MARK}); a file OCR has not read yet stays as it is, and is read after intake ({@link OcrTexts}).
     */
    private ReadSubmission withOcr(ReadSubmission read) {
        List<String> scans = read.files().stream()
                .map(ReadFile::document)
                .filter(OcrTexts::needsOcr)
                .map(FileDocument::sha256)
                .toList();
        Map<String, String> found = scans.isEmpty() ? Map.of() : ocr.texts(scans);
        if (found.isEmpty()) {
            return read;
        }
        List<ReadFile> files = read.files().stream()
                .map(f -> {
                    String text = found.get(f.document().sha256());
                    if (text == null || text.isBlank() || !OcrTexts.needsOcr(f.document())) {
                        return f;
                    }
                    String own = f.document().text() == null
                            ? ""
                            : f.document().text().strip();
                    String joined = (own.isEmpty() ? "" : own + "\n\n") + OcrTexts.MARK + "\n" + text;
                    String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                            + text.lines()
                                    .filter(l -> !l.isBlank())
                                    .map(l -> "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(l) + "</p>")
                                    .collect(java.util.stream.Collectors.joining())
                            + "</body></html>";
                    return new ReadFile(f.document().withText(joined), own.isEmpty() ? xhtml : f.xhtml());
                })
                .toList();
        return new ReadSubmission(
                read.document().withFiles(files.stream().map(ReadFile::document).toList()),
                files,
                read.sender(),
                read.declared());
    }

    /** Everything one item does, in the caller's transaction; live intake also decides the receipt and the ledger line. */
    private Replayed takeIn(Prepared prepared, Optional<String> liveRoute) {
        ReadSubmission read = prepared.read();
        EntryStore.Saved saved = store.save(prepared.view(), read.document());
        EntryCheck.Checked checked = check.check(saved.entry(), read);
        saved.leftEntryId().ifPresent(left -> {
            if (saved.leftEntry().isPresent()) {
                queue.recheck(left);
            } else {
                queue.entry(left, Map.of());
            }
        });
        queue.submission(read.document());
        ocr.enqueue(read.document().id(), read.document().files());
        TakenSubmission taken = new TakenSubmission(saved.entry(), checked.findings(), read, saved.view());
        liveRoute.ifPresent(route -> {
            receipt.prepare(taken);
            record(route, Outcome.INDEXED, prepared.archived());
        });
        return new Replayed(taken, checked.changed());
    }

    private void record(String route, Outcome outcome, ArchivedSubmission archived) {
        ledger.record(
                route,
                outcome,
                archived.id(),
                archived.received().messageId(),
                archived.received().folder(),
                archived.received().uid(),
                "");
    }
}
