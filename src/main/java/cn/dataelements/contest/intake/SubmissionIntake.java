package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.submission.ReadSubmission;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The step after archiving, for every channel: a submission already in the index is counted (duplicate or
 * redelivery), any other is read from the archive and indexed; the ledger line is written once the index has
 * acknowledged. Only then does the route let the source acknowledge the item.
 */
@Component
public class SubmissionIntake {

    private final SubmissionReaders readers;
    private final EntryBuilder entries;
    private final EntryStore store;
    private final EntryCheck check;
    private final Indexer indexer;
    private final IntakeLedger ledger;
    private final IntakeHealth health;
    private final String submissions;

    SubmissionIntake(
            SubmissionReaders readers,
            EntryBuilder entries,
            EntryStore store,
            EntryCheck check,
            Indexer indexer,
            IntakeLedger ledger,
            IntakeHealth health,
            IndexProperties index) {
        this.readers = readers;
        this.entries = entries;
        this.store = store;
        this.check = check;
        this.indexer = indexer;
        this.ledger = ledger;
        this.health = health;
        this.submissions = index.alias("submissions");
    }

    /** Takes the submission in; returns what was taken, or null when it had been taken before. */
    public TakenSubmission take(ArchivedSubmission archived, Exchange exchange) {
        String route = exchange.getFromRouteId();
        TakenSubmission taken = null;
        if (indexer.exists(submissions, archived.id())) {
            record(route, archived.isResent() ? Outcome.DUPLICATE : Outcome.ALREADY_INDEXED, archived);
        } else {
            ReadSubmission read = readers.read(archived);
            // The entry first: the submission is what marks the item done, so a crash between the two writes
            // leaves the item to be read again.
            Entry entry = store.save(entries.build(read), read.document().from());
            taken = new TakenSubmission(entry, check.check(entry, read).findings(), read);
            indexer.index(submissions, List.of(new IndexItem(archived.id(), read.document())));
            record(route, Outcome.INDEXED, archived);
        }
        health.succeeded(route);
        return taken;
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
