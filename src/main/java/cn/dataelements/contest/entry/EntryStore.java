package cn.dataelements.contest.entry;

import cn.dataelements.contest.archive.ReceivedOrder;
import cn.dataelements.contest.submission.SubmissionDocument;
import cn.dataelements.contest.system.postgres.JsonColumns;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each submission (its own view, its document without file texts) and the team entries merged from them, in the
 * database. Every method that writes runs in the caller's transaction: a submission's view, its entry, its version
 * number and its entry's keys commit together with the rest of the item (findings, receipt, ledger), or not at all.
 * One team's submissions are merged one at a time: the entry's row is locked ({@code select … for update}) before its
 * submissions are read, whoever writes it (two routes, a second instance, a re-run of the archive).
 */
@Component
public class EntryStore {

    private final JdbcClient db;
    private final JsonColumns json;
    private final EntryProperties stage;
    private final TeamMatcher matcher;
    private final Clock clock = Clock.systemUTC();

    EntryStore(JdbcClient db, JsonColumns json, EntryProperties stage, TeamMatcher matcher) {
        this.db = db;
        this.json = json;
        this.stage = stage;
        this.matcher = matcher;
    }

    /**
     * Saves a submission's view and the entry it belongs to, merged with the team's other submissions. Saved again
     * (a re-run of the archive), the view is replaced; when the submission now belongs to another team, the entry it
     * left is merged again without it, or deleted when nothing is left of it.
     *
     * @param built the entry this submission alone makes
     * @param submission the submission as taken in: its sender finds the team of a submission that does not name
     *     itself fully, and its source facts place it in the order of receipt
     */
    public Saved save(Entry built, SubmissionDocument submission) {
        requireTransaction();
        String sender =
                submission.from() == null ? "" : submission.from().trim().toLowerCase(Locale.ROOT);
        Entry view = built.teamKey().isEmpty() ? joinTeam(built, sender) : built;
        SubmissionView own = new SubmissionView(
                submission.id(),
                view.teamKey(),
                submission.receivedAt(),
                sender,
                view,
                People.contactPoints(view),
                order(submission));
        Optional<String> before = db.sql("select entry_id from submissions where id = ?")
                .param(submission.id())
                .query(String.class)
                .optional()
                .filter(id -> !id.equals(view.id()));
        Set<String> locked = new TreeSet<>(List.of(view.id()));
        before.ifPresent(locked::add);
        // in the order of their ids, so two writers of the same two entries never wait for each other
        locked.forEach(this::lockOrCreate);
        writeSubmission(own, submission);
        Entry merged = merge(view.id());
        Optional<Entry> left = before.map(this::mergeOrDelete).orElse(Optional.empty());
        return new Saved(merged, view, before, left);
    }

    /**
     * The entry as saved, the view of the submission on its own (its own problems, its own form's contact), and the
     * entry it left if it moved (a re-run that reads its team differently) with what is left of it.
     */
    public record Saved(Entry entry, Entry view, Optional<String> leftEntryId, Optional<Entry> leftEntry) {}

    /**
     * Locks an entry's row for the caller's transaction, as a writer of the entry does, and reads it; empty when there
     * is no such entry.
     */
    public Optional<Entry> lock(String entryId) {
        requireTransaction();
        return db.sql("select document from entries where id = ? and document is not null for update")
                .param(entryId)
                .query(String.class)
                .optional()
                .map(document -> json.read(document, Entry.class));
    }

    /** An entry as last committed, by id. */
    public Optional<Entry> find(String entryId) {
        return db.sql("select document from entries where id = ? and document is not null")
                .param(entryId)
                .query(String.class)
                .optional()
                .map(document -> json.read(document, Entry.class));
    }

    /** The submission's document as taken in (without its files' texts), by id. */
    public Optional<SubmissionDocument> submission(String submissionId) {
        return db.sql("select document from submissions where id = ?")
                .param(submissionId)
                .query(String.class)
                .optional()
                .map(document -> json.read(document, SubmissionDocument.class));
    }

    /**
     * Holds, until the caller's transaction ends, the right to take this submission in: a second taker of the same
     * bytes (two routes, two instances around a change of leader) waits, then finds it taken.
     */
    public void lockSubmission(String submissionId) {
        requireTransaction();
        db.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("submission:" + submissionId)
                .query((java.sql.ResultSet rs) -> {});
    }

    /** True when the submission was taken in: its row commits with everything else the item does. */
    public boolean taken(String submissionId) {
        return db.sql("select exists (select 1 from submissions where id = ?)")
                .param(submissionId)
                .query(Boolean.class)
                .single();
    }

    private void lockOrCreate(String entryId) {
        db.sql("insert into entries (id, updated_at) values (?, ?) on conflict (id) do nothing")
                .params(entryId, Timestamp.from(clock.instant()))
                .update();
        db.sql("select id from entries where id = ? for update")
                .param(entryId)
                .query(String.class)
                .single();
    }

    private void writeSubmission(SubmissionView own, SubmissionDocument submission) {
        SubmissionDocument withoutTexts = submission.withoutTexts();
        db.sql("""
                        insert into submissions
                          (id, channel, route, received_at, sender, team_key, entry_id, view, document, taken_at)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                        on conflict (id) do update
                          set team_key = excluded.team_key, entry_id = excluded.entry_id, view = excluded.view,
                              document = excluded.document, revision = nextval('revisions')
                        """)
                .params(
                        submission.id(),
                        nonNull(submission.channel()),
                        nonNull(submission.route()),
                        Timestamp.from(submission.receivedAt()),
                        own.from(),
                        own.teamKey(),
                        own.view().id(),
                        json.write(own),
                        json.write(withoutTexts),
                        Timestamp.from(clock.instant()))
                .update();
        db.sql("delete from submission_points where submission_id = ?")
                .param(submission.id())
                .update();
        for (String point : new TreeSet<>(own.contactPoints())) {
            db.sql("insert into submission_points (point, submission_id) values (?, ?) on conflict do nothing")
                    .params(point, submission.id())
                    .update();
        }
    }

    /** Merges the entry from its submissions' views, keeps new version numbers, and writes it with its keys. */
    private Entry merge(String entryId) {
        List<SubmissionView> team = views(entryId);
        Map<String, Integer> given = new HashMap<>();
        db.sql("select submission_id, number from entry_versions where entry_id = ?")
                .param(entryId)
                .query((rs, n) -> given.put(rs.getString(1), rs.getInt(2)))
                .list();
        EntryVersions.Merged merged = EntryVersions.merge(entryId, team, stage.deadlineInstant(), given);
        merged.numbers().forEach((submissionId, number) -> {
            if (!given.containsKey(submissionId)) {
                db.sql("insert into entry_versions (entry_id, submission_id, number) values (?, ?, ?)")
                        .params(entryId, submissionId, number)
                        .update();
            }
        });
        Entry entry = merged.entry();
        Set<String> keys = new TreeSet<>(EntryKeys.of(entry));
        keys.addAll(db.sql("select key from entry_keys where entry_id = ?")
                .param(entryId)
                .query(String.class)
                .list());
        lockKeys(keys);
        db.sql("""
                        update entries set document = cast(? as jsonb), team_key = ?, updated_at = ?,
                          revision = nextval('revisions')
                        where id = ?
                        """)
                .params(json.write(entry), nonNull(entry.teamKey()), Timestamp.from(clock.instant()), entryId)
                .update();
        db.sql("delete from entry_keys where entry_id = ?").param(entryId).update();
        for (String key : EntryKeys.of(entry)) {
            db.sql("insert into entry_keys (key, entry_id) values (?, ?)")
                    .params(key, entryId)
                    .update();
        }
        return entry;
    }

    /**
     * The entry a submission left: merged again from what it still has, or, with nothing left, emptied (its row stays,
     * without a document, at a new revision: the index deletes it at that revision, so a delete never outlives a
     * later re-creation) and its findings and keys dropped.
     */
    private Optional<Entry> mergeOrDelete(String entryId) {
        if (views(entryId).isEmpty()) {
            db.sql("delete from findings where entry_id = ?").param(entryId).update();
            db.sql("delete from entry_keys where entry_id = ?").param(entryId).update();
            db.sql("update entries set document = null, updated_at = ?, revision = nextval('revisions') where id = ?")
                    .params(Timestamp.from(clock.instant()), entryId)
                    .update();
            return Optional.empty();
        }
        return Optional.of(merge(entryId));
    }

    private List<SubmissionView> views(String entryId) {
        return new ArrayList<>(
                db
                        .sql("select view from submissions where entry_id = ?")
                        .param(entryId)
                        .query(String.class)
                        .list()
                        .stream()
                        .map(view -> json.read(view, SubmissionView.class))
                        .toList());
    }

    /**
     * Takes, for the caller's transaction, a lock on each key an entry is or was found by across entries, in their
     * order: a check of another entry sharing one waits for this transaction, then sees it as committed.
     */
    public void lockKeys(Set<String> keys) {
        requireTransaction();
        for (String key : new TreeSet<>(keys)) {
            db.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                    .param("key:" + key)
                    .query((java.sql.ResultSet rs) -> {});
        }
    }

    private Entry joinTeam(Entry view, String sender) {
        TeamMatcher.Match match = matcher.match(view, sender);
        if (match.teamKey().isPresent()) {
            return EntryBuilder.withTeam(view, match.teamKey().get());
        }
        return match.uncertain().map(p -> EntryBuilder.withProblem(view, p)).orElse(view);
    }

    private static ReceivedOrder order(SubmissionDocument submission) {
        SubmissionDocument.Source source = submission.source();
        return new ReceivedOrder(
                submission.receivedAt(),
                submission.route(),
                source == null ? -1 : source.uidValidity(),
                source == null ? -1 : source.uid(),
                submission.id());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("entries are written in the transaction of their item");
        }
    }
}
