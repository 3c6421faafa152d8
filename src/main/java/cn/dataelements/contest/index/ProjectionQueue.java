package cn.dataelements.contest.index;

import cn.dataelements.contest.submission.SubmissionDocument;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Elasticsearch must still be given of committed state ({@code projection_queue}), and the transactions that
 * change that state. A change enqueues, in its own transaction, the submission or entry it wrote (or an entry a change
 * concerns, to be checked again); {@link #inTransaction} commits the work and then has its queue handled at once, on
 * the same thread, with what the work already holds in memory (a submission's texts). Whatever that does not finish (a
 * crash, an outage of the index) stays queued for the projector to catch up.
 */
@Component
public class ProjectionQueue {

    /** What a row asks for. */
    public enum Kind {
        /** Give the index a submission, with its files' texts. */
        SUBMISSION,
        /** Give the index an entry, its findings and its search document (or delete them when it is gone). */
        ENTRY,
        /** Check an entry again: another entry it conflicts with, or did, changed. */
        RECHECK;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One thing enqueued by a transaction, with what the transaction knew of it: a submission's document with its
     * files' texts; an entry's files' texts by path (for its search document). Either may be absent.
     */
    public record Pending(
            long seq, Kind kind, String id, Optional<SubmissionDocument> document, Map<String, String> texts) {}

    /** A queued row as read. */
    public record Queued(long seq, Kind kind, String id, int tries, Instant enqueuedAt) {}

    /** Handles what a committed transaction enqueued: implemented by the projector. */
    public interface AfterCommit {
        void handle(List<Pending> pending);
    }

    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    /**
     * What a committed transaction enqueued is handled by its own thread at once; the background takes a row only
     * after this long, so the two seldom do the same work.
     */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ObjectProvider<AfterCommit> afterCommit;
    private final Clock clock = Clock.systemUTC();
    private final ThreadLocal<List<Pending>> running = new ThreadLocal<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectionQueue.class);

    ProjectionQueue(JdbcClient db, TransactionTemplate transactions, ObjectProvider<AfterCommit> afterCommit) {
        this.db = db;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
    }

    /**
     * Runs the work in one transaction, then has what it enqueued handled. Called while such a transaction already
     * runs on this thread, the work joins it, and the outer one handles the queue after its commit.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (running.get() != null) {
            return work.get();
        }
        List<Pending> pending = new ArrayList<>();
        running.set(pending);
        T result;
        try {
            result = transactions.execute(status -> work.get());
        } finally {
            running.remove();
        }
        if (!pending.isEmpty()) {
            try {
                afterCommit.ifAvailable(handler -> handler.handle(List.copyOf(pending)));
            } catch (RuntimeException e) {
                // committed all the same: the rows are in the queue, and the background does what is left
                log.warn("What a commit enqueued waits for the background: {}", e.toString());
            }
        }
        return result;
    }

    /** Enqueues a submission to be given to the index, in the caller's transaction. */
    public void submission(SubmissionDocument withTexts) {
        enqueue(Kind.SUBMISSION, withTexts.id(), Optional.of(withTexts), Map.of());
    }

    /** Enqueues an entry (its document, findings and search document), in the caller's transaction. */
    public void entry(String entryId, Map<String, String> texts) {
        enqueue(Kind.ENTRY, entryId, Optional.empty(), texts == null ? Map.of() : Map.copyOf(texts));
    }

    /** Enqueues an entry to be checked again after this transaction, in the caller's transaction. */
    public void recheck(String entryId) {
        enqueue(Kind.RECHECK, entryId, Optional.empty(), Map.of());
    }

    private void enqueue(Kind kind, String id, Optional<SubmissionDocument> document, Map<String, String> texts) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("enqueued outside a transaction: " + kind + " " + id);
        }
        Instant now = clock.instant();
        long seq = db.sql("""
                        insert into projection_queue (kind, id, enqueued_at, next_try_at) values (?, ?, ?, ?)
                        on conflict (kind, id) do update
                          set seq = nextval(pg_get_serial_sequence('projection_queue', 'seq')), tries = 0,
                              next_try_at = excluded.next_try_at, last_error = ''
                        returning seq
                        """)
                .params(kind.column(), id, Timestamp.from(now), Timestamp.from(now.plus(GRACE)))
                .query(Long.class)
                .single();
        Pending item = new Pending(seq, kind, id, document, texts);
        List<Pending> pending = running.get();
        if (pending != null) {
            pending.removeIf(p -> p.kind() == item.kind() && p.id().equals(item.id()));
            pending.add(item);
        }
    }

    /** Enqueues every submission and entry the database holds: what a new, empty index needs. */
    public int enqueueEverything() {
        return enqueueAllBut(Set.of(), Set.of());
    }

    /** Enqueues every submission and entry the database holds but these: what a new index still lacks. */
    public int enqueueAllBut(Set<String> submissionIds, Set<String> entryIds) {
        return transactions.execute(status -> enqueueAll("submissions", Kind.SUBMISSION, submissionIds)
                + enqueueAll("entries", Kind.ENTRY, entryIds));
    }

    private int enqueueAll(String table, Kind kind, Set<String> but) {
        Timestamp now = Timestamp.from(clock.instant());
        return db.sql("insert into projection_queue (kind, id, enqueued_at, next_try_at)"
                        + " select ?, id, ?, ? from " + table + " where not (id = any(?))"
                        + " on conflict (kind, id) do update"
                        + "   set seq = nextval(pg_get_serial_sequence('projection_queue', 'seq')), tries = 0,"
                        + "       next_try_at = excluded.next_try_at, last_error = ''")
                .params(kind.column(), now, now, but.toArray(String[]::new))
                .update();
    }

    /** The row of this kind and id, if queued. */
    public Optional<Queued> find(Kind kind, String id) {
        return db.sql("select seq, kind, id, tries, enqueued_at from projection_queue where kind = ? and id = ?")
                .params(kind.column(), id)
                .query(ProjectionQueue::queued)
                .optional();
    }

    /**
     * Rows whose time has come, submissions first (an entry's search document reads their texts), then in order of
     * enqueueing. Two instances may both take a row: a projection written twice is the same, by its revision.
     */
    public List<Queued> due(int limit) {
        return db.sql("""
                        select seq, kind, id, tries, enqueued_at from projection_queue
                        where next_try_at <= ?
                        order by case kind when 'submission' then 0 when 'entry' then 1 else 2 end, seq
                        limit ?
                        """)
                .params(Timestamp.from(clock.instant()), limit)
                .query(ProjectionQueue::queued)
                .list();
    }

    /** The row of this kind and id, if queued and not enqueued again since {@code seq}. */
    public Optional<Queued> find(Kind kind, String id, long seq) {
        return find(kind, id).filter(q -> q.seq() == seq);
    }

    /** Done: deletes the row unless it was enqueued again since it was read. */
    public void done(Queued queued) {
        db.sql("delete from projection_queue where seq = ?").param(queued.seq()).update();
    }

    /** Failed: tried again later, waiting longer each time, up to a few minutes. */
    public void failed(Queued queued, String error) {
        long seconds = Math.min(LAST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(queued.tries(), 16));
        db.sql("update projection_queue set tries = tries + 1, next_try_at = ?, last_error = ? where seq = ?")
                .params(
                        Timestamp.from(clock.instant().plusSeconds(seconds)),
                        error.length() > 2000 ? error.substring(0, 2000) : error,
                        queued.seq())
                .update();
    }

    /** How far behind the index is: rows waiting, the oldest's age, and rows that failed at least once. */
    public record Lag(int waiting, Optional<Instant> oldest, int failing) {}

    public Lag lag() {
        return db.sql("select count(*), min(enqueued_at), count(*) filter (where tries > 0) from projection_queue")
                .query((rs, n) -> new Lag(
                        rs.getInt(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant), rs.getInt(3)))
                .single();
    }

    private static Queued queued(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Queued(
                rs.getLong("seq"),
                Kind.of(rs.getString("kind")),
                rs.getString("id"),
                rs.getInt("tries"),
                rs.getTimestamp("enqueued_at").toInstant());
    }
}
