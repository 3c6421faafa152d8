package cn.dataelements.contest.projection;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.StoredCheckInputs;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.DocumentTooLargeException;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.index.IndexingException;
import cn.dataelements.contest.index.ProjectionQueue;
import cn.dataelements.contest.index.ProjectionQueue.Kind;
import cn.dataelements.contest.index.ProjectionQueue.Pending;
import cn.dataelements.contest.index.ProjectionQueue.Queued;
import cn.dataelements.contest.intake.SubmissionReaders;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.search.EntrySearchDocument;
import cn.dataelements.contest.submission.SubmissionDocument;
import cn.dataelements.contest.system.postgres.JsonColumns;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives Elasticsearch what the database committed: submissions (with their files' texts), entries, findings and search
 * documents, each at the revision it was committed at, so a late or repeated copy never overwrites a newer one. Right
 * after a commit, on the committing thread, with what that transaction held in memory; and in the background, from
 * the queue, whatever that did not finish (a crash, an outage of the index, a re-fill of a new index), reading texts
 * from the archive. Queued re-checks of entries run here too.
 */
@Component
public class Projector implements ProjectionQueue.AfterCommit, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final int BATCH = 100;

    /** A queued row and what its transaction knew of it. */
    private record Item(Queued queued, Optional<SubmissionDocument> document, Map<String, String> texts) {}

    /** An entry (null once emptied) and its findings (null before its first check) as committed, with revisions. */
    private record Committed(String entry, long entryRevision, String findings, Long findingsRevision) {}

    private final JdbcClient db;
    private final JsonColumns json;
    private final Indexer indexer;
    private final ProjectionQueue queue;
    private final SubmissionArchive archive;
    private final SubmissionReaders readers;
    private final StoredCheckInputs inputs;
    private final EntryCheck check;
    private final String submissions;
    private final String entries;
    private final String findings;
    private final String search;
    private final Clock clock = Clock.systemUTC();
    private final long periodMillis;
    private volatile ScheduledExecutorService executor;

    Projector(
            JdbcClient db,
            JsonColumns json,
            Indexer indexer,
            ProjectionQueue queue,
            SubmissionArchive archive,
            SubmissionReaders readers,
            StoredCheckInputs inputs,
            EntryCheck check,
            IndexProperties index,
            ProjectionProperties properties) {
        this.periodMillis = properties.catchUpEvery().toMillis();
        this.db = db;
        this.json = json;
        this.indexer = indexer;
        this.queue = queue;
        this.archive = archive;
        this.readers = readers;
        this.inputs = inputs;
        this.check = check;
        this.submissions = index.writeAlias("submissions");
        this.entries = index.writeAlias("entries");
        this.findings = index.writeAlias("findings");
        this.search = index.writeAlias(EntrySearch.INDEX);
    }

    /**
     * Right after a commit: projects what it enqueued, then runs its re-checks. A row enqueued again since (by a later
     * transaction) is that one's to handle; what fails waits in the queue for the background.
     */
    @Override
    public void handle(List<Pending> pending) {
        List<Item> items = new ArrayList<>();
        for (Pending p : pending) {
            if (p.kind() != Kind.RECHECK) {
                queue.find(p.kind(), p.id(), p.seq()).ifPresent(q -> items.add(new Item(q, p.document(), p.texts())));
            }
        }
        try {
            project(items);
        } catch (RuntimeException e) {
            log.warn("{} projection(s) wait for the index: {}", items.size(), e.toString());
            items.forEach(i -> queue.failed(i.queued(), e.toString()));
        }
        pending.stream()
                .filter(p -> p.kind() == Kind.RECHECK)
                .forEach(p -> queue.find(Kind.RECHECK, p.id(), p.seq()).ifPresent(this::recheck));
    }

    /**
     * Works the queue until nothing is due: what the background does every few seconds, and what a re-fill of the
     * indices waits for. Returns how many rows were done.
     */
    public synchronized int catchUp() {
        int done = 0;
        while (true) {
            List<Queued> due = queue.due(BATCH);
            if (due.isEmpty()) {
                return done;
            }
            List<Item> items = due.stream()
                    .filter(q -> q.kind() != Kind.RECHECK)
                    .map(q -> new Item(q, Optional.empty(), Map.of()))
                    .toList();
            try {
                done += project(items);
            } catch (RuntimeException e) {
                log.warn("{} projection(s) wait for the index: {}", items.size(), e.toString());
                items.forEach(i -> queue.failed(i.queued(), e.toString()));
                return done;
            }
            for (Queued q : due) {
                if (q.kind() == Kind.RECHECK && recheck(q)) {
                    done++;
                }
            }
        }
    }

    private boolean recheck(Queued queued) {
        try {
            check.checkAgain(queued.id());
            queue.done(queued);
            return true;
        } catch (RuntimeException e) {
            log.warn("Entry {} could not be checked again; tried later: {}", queued.id(), e.toString());
            queue.failed(queued, e.toString());
            return false;
        }
    }

    /**
     * Writes the items in one request; each one the index took is done, each one it refused waits with its reason. A
     * request the node cannot take now ({@link IndexingException}) leaves them all waiting; one that fails otherwise is
     * split, so one document the index or the client cannot take never holds the others back.
     */
    private int project(List<Item> items) {
        if (items.isEmpty()) {
            return 0;
        }
        List<List<Indexer.Op>> opsOf = new ArrayList<>();
        List<Indexer.Op> all = new ArrayList<>();
        for (Item item : items) {
            List<Indexer.Op> ops;
            try {
                ops = ops(item);
            } catch (IndexingException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn(
                        "{} {} could not be prepared for the index: {}",
                        item.queued().kind(),
                        item.queued().id(),
                        e.toString());
                queue.failed(item.queued(), e.toString());
                ops = null;
            }
            opsOf.add(ops);
            if (ops != null) {
                all.addAll(ops);
            }
        }
        List<Indexer.Written> written;
        try {
            written = indexer.write(all);
        } catch (IndexingException e) {
            throw e;
        } catch (RuntimeException e) {
            if (items.size() > 1) {
                return items.stream()
                        .filter(item -> opsOf.get(items.indexOf(item)) != null)
                        .mapToInt(item -> project(List.of(item)))
                        .sum();
            }
            if (!(e instanceof DocumentTooLargeException)) {
                log.warn(
                        "The index did not take {} {}: {}",
                        items.get(0).queued().kind(),
                        items.get(0).queued().id(),
                        e.toString());
                queue.failed(items.get(0).queued(), e.toString());
                return 0;
            }
            written = all.stream()
                    .map(op -> new Indexer.Written(Indexer.Result.TOO_LARGE, ""))
                    .toList();
        }
        int done = 0;
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            List<Indexer.Op> ops = opsOf.get(i);
            if (ops == null) {
                continue;
            }
            Optional<String> failure = Optional.empty();
            for (Indexer.Op op : ops) {
                Indexer.Written w = written.get(at++);
                if (w.result() == Indexer.Result.TOO_LARGE) {
                    w = writeSmaller(op);
                }
                if (w.result() != Indexer.Result.DONE && failure.isEmpty()) {
                    failure = Optional.of(w.reason());
                }
            }
            if (failure.isEmpty()) {
                queue.done(items.get(i).queued());
                done++;
            } else {
                log.warn(
                        "The index refused {} {}: {}",
                        items.get(i).queued().kind(),
                        items.get(i).queued().id(),
                        failure.get());
                queue.failed(items.get(i).queued(), failure.get());
            }
        }
        return done;
    }

    /** A document too large for the node, written with its largest texts left out until it fits. */
    private Indexer.Written writeSmaller(Indexer.Op op) {
        Object document = op.document();
        while (true) {
            Optional<Object> smaller = smaller(document);
            if (smaller.isEmpty()) {
                return new Indexer.Written(
                        Indexer.Result.FAILED, op.alias() + "/" + op.id() + ": too large even without texts");
            }
            document = smaller.get();
            Indexer.Op next = new Indexer.Op(op.alias(), op.id(), document, op.version());
            Indexer.Written w;
            try {
                w = indexer.write(List.of(next)).get(0);
            } catch (DocumentTooLargeException e) {
                continue;
            }
            if (w.result() != Indexer.Result.TOO_LARGE) {
                log.warn(
                        "{}/{} too large for the index: written with its largest text(s) left out",
                        op.alias(),
                        op.id());
                return w;
            }
        }
    }

    private static Optional<Object> smaller(Object document) {
        if (document instanceof SubmissionDocument s) {
            return s.withoutLargestText().map(Object.class::cast);
        }
        if (document instanceof EntrySearchDocument d) {
            EntrySearchDocument less = d.withoutLargestFileText();
            return less == d ? Optional.empty() : Optional.of(less);
        }
        return Optional.empty();
    }

    private List<Indexer.Op> ops(Item item) {
        String id = item.queued().id();
        if (item.queued().kind() == Kind.SUBMISSION) {
            Optional<Long> revision = db.sql("select revision from submissions where id = ?")
                    .param(id)
                    .query(Long.class)
                    .optional();
            if (revision.isEmpty()) {
                return List.of();
            }
            SubmissionDocument document = item.document().orElseGet(() -> reread(id));
            return List.of(new Indexer.Op(submissions, id, document, revision.get()));
        }
        // the entry and its findings as one committed state: read in one statement
        Optional<Committed> state = db.sql("""
                        select e.document, e.revision, f.document, f.revision
                        from entries e left join findings f on f.entry_id = e.id
                        where e.id = ?
                        """)
                .param(id)
                .query((rs, n) ->
                        new Committed(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)))
                .optional();
        if (state.isEmpty()) {
            return List.of();
        }
        Committed committed = state.get();
        if (committed.entry() == null) {
            long revision = committed.entryRevision();
            return List.of(
                    Indexer.Op.delete(entries, id, revision),
                    Indexer.Op.delete(findings, id, revision),
                    Indexer.Op.delete(search, id, revision));
        }
        Entry current = json.read(committed.entry(), Entry.class);
        List<Indexer.Op> ops = new ArrayList<>();
        ops.add(new Indexer.Op(entries, id, current, committed.entryRevision()));
        if (committed.findings() != null) {
            EntryFindings found = json.read(committed.findings(), EntryFindings.class);
            ops.add(new Indexer.Op(findings, id, found, committed.findingsRevision()));
            EntrySearchDocument document =
                    EntrySearchDocument.of(inputs.of(current, item.texts()), found, clock.instant());
            ops.add(new Indexer.Op(
                    search, id, document, Math.max(committed.findingsRevision(), committed.entryRevision())));
        }
        return ops;
    }

    /** A submission's document with its files' texts, read again from the archive (its extractions are kept). */
    private SubmissionDocument reread(String submissionId) {
        Optional<ArchivedSubmission> archived;
        try {
            archived = archive.get(submissionId);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return archived.map(a -> readers.read(a).document())
                .orElseThrow(() -> new IllegalStateException("submission " + submissionId + " is not in the archive"));
    }

    private void catchUpQuietly() {
        try {
            int done = catchUp();
            if (done > 0) {
                log.info("Projection caught up: {} item(s) given to the index", done);
            }
        } catch (RuntimeException e) {
            log.warn("Projection catch-up failed; tried again shortly: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "projector");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::catchUpQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
