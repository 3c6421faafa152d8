package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.index.DocumentTooLargeException;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.receipt.Receipts;
import cn.dataelements.contest.submission.PermanentIntakeException;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step after archiving, for every channel. A submission is read from the archive, made part of its team's entry,
 * pre-checked, its receipt decided and written to disk, and only then is the submission document indexed: that write
 * marks the item done, and the ledger line follows. A crash anywhere before it leaves the item to be read again, and
 * every write before it is idempotent (same ids, merged entries, one receipt per submission id). A submission found
 * already indexed is counted as a duplicate or a redelivery; one indexed without a decided receipt (a crash in an
 * older version of the app) is taken in again, so its receipt is not lost.
 */
@Component
public class SubmissionIntake {

    private static final Logger log = LoggerFactory.getLogger(SubmissionIntake.class);

    private final SubmissionReaders readers;
    private final EntryBuilder entries;
    private final EntryStore store;
    private final EntryCheck check;
    private final TeamReceipt receipt;
    private final Receipts receipts;
    private final Indexer indexer;
    private final IntakeLedger ledger;
    private final IntakeHealth health;
    private final String submissions;

    SubmissionIntake(
            SubmissionReaders readers,
            EntryBuilder entries,
            EntryStore store,
            EntryCheck check,
            TeamReceipt receipt,
            Receipts receipts,
            Indexer indexer,
            IntakeLedger ledger,
            IntakeHealth health,
            IndexProperties index) {
        this.readers = readers;
        this.entries = entries;
        this.store = store;
        this.check = check;
        this.receipt = receipt;
        this.receipts = receipts;
        this.indexer = indexer;
        this.ledger = ledger;
        this.health = health;
        this.submissions = index.writeAlias("submissions");
    }

    /**
     * Takes the submission in; returns what was taken, or null when it had been taken before. When the route reads a
     * poll's items in parallel ({@link IntakeTurns}), the reading runs at once and the rest waits for the items before.
     */
    public TakenSubmission take(ArchivedSubmission archived, Exchange exchange) {
        String route = exchange.getFromRouteId();
        Optional<IntakeTurns.Turn> turn =
                Optional.ofNullable(exchange.getProperty(IntakeTurns.PROPERTY, IntakeTurns.Turn.class));
        TakenSubmission taken = null;
        if (takenBefore(archived)) {
            record(route, archived.isResent() ? Outcome.DUPLICATE : Outcome.ALREADY_INDEXED, archived);
        } else {
            Prepared prepared = prepare(archived);
            turn.ifPresent(IntakeTurns.Turn::await);
            if (takenBefore(archived)) {
                // the same bytes came twice in one poll, and the other copy was first
                record(route, Outcome.DUPLICATE, archived);
            } else {
                taken = takeIn(prepared, true);
                record(route, Outcome.INDEXED, archived);
            }
        }
        health.itemSucceeded(route);
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
        if (takenBefore(archived)) {
            record(route, Outcome.ALREADY_INDEXED, archived);
            return new Retried(Outcome.ALREADY_INDEXED, "");
        }
        try {
            takeIn(prepare(archived), true);
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
        record(route, Outcome.INDEXED, archived);
        return new Retried(Outcome.INDEXED, "");
    }

    /** What a retry came to: the outcome, and for a failure the reason in Chinese. */
    public record Retried(Outcome outcome, String reasonZh) {}

    /**
     * Takes an archived submission in again, as live intake did, but sends nothing and records nothing in the ledger:
     * what a rebuild does with each submission of the archive, in the order of receipt.
     */
    public TakenSubmission replay(ArchivedSubmission archived) {
        return replay(prepare(archived));
    }

    /** As {@link #replay(ArchivedSubmission)}, with the reading done before, perhaps on another thread. */
    public TakenSubmission replay(Prepared prepared) {
        return takeIn(prepared, false);
    }

    /** What can be done for a submission on its own, in parallel with others: read it, build its own view. */
    public record Prepared(ReadSubmission read, Entry view) {}

    public Prepared prepare(ArchivedSubmission archived) {
        ReadSubmission read = readers.read(archived);
        return new Prepared(read, entries.build(read));
    }

    private boolean takenBefore(ArchivedSubmission archived) {
        return indexer.exists(submissions, archived.id()) && receipts.decided(archived.id());
    }

    private TakenSubmission takeIn(Prepared prepared, boolean live) {
        ReadSubmission read = prepared.read();
        EntryStore.Saved saved = store.save(prepared.view(), read.document());
        TakenSubmission taken = new TakenSubmission(
                saved.entry(), check.check(saved.entry(), read).findings(), read, saved.view());
        if (live) {
            receipt.prepare(taken);
        }
        indexSubmission(read.document());
        return taken;
    }

    /** Writes the submission document; one too large for the node loses its largest texts, each named as a problem. */
    private void indexSubmission(SubmissionDocument document) {
        SubmissionDocument next = document;
        while (true) {
            try {
                indexer.index(submissions, List.of(new IndexItem(next.id(), next)));
                return;
            } catch (DocumentTooLargeException e) {
                Optional<SubmissionDocument> smaller = next.withoutLargestText();
                if (smaller.isEmpty()) {
                    throw new PermanentIntakeException(
                            "Submission " + document.id() + " is too large to index even without file texts: "
                                    + e.getMessage(),
                            "该提交即使不含文件文字内容也超出索引的大小上限，已移入隔离文件夹，原件已存档。",
                            e);
                }
                next = smaller.get();
                log.warn(
                        "Submission {} too large to index: {}",
                        document.id(),
                        next.problems().get(next.problems().size() - 1).detailEn());
            }
        }
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
