package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.ComplianceReload;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.StoredFindings;
import cn.dataelements.contest.extraction.ExtractedTexts;
import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.index.ProjectionQueue;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.projection.Projector;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-runs every submission of the archive through the same steps as live intake (no receipt is sent, nothing is
 * fetched from the channels again): after a change of rules, catalog or mappings. Each submission's view, its entry
 * and its findings are taken in again in the database, in the order of receipt, one transaction each; what people
 * decided (version numbers, receipts, committee decisions, review) is never touched. The indices are filled anew
 * meanwhile: new, empty ones take the write aliases at once, so live intake goes on and lands there too, and searches
 * keep the complete old ones until the new are full and the read aliases move. One bad submission is reported and
 * skipped; the rest go on. {@link #refillAll} fills new indices from the database alone, without re-reading the
 * archive but for file texts: after an index definition changed, or a restore.
 */
@Component
public class EntryRebuild {

    /** The indices projected from the database, filled anew together. */
    public static final List<String> DERIVED = List.of("submissions", "entries", "findings", "search");

    private static final Logger log = LoggerFactory.getLogger(EntryRebuild.class);
    private static final int PROGRESS_EVERY = 25;
    /** A row the index refused this often is reported, not waited for. */
    private static final int GIVE_UP_AFTER = 3;
    /** How long the new indices may take to be filled after the replay. */
    private static final Duration FILL_TIMEOUT = Duration.ofMinutes(30);
    /** Threads reading submissions ahead of the one being joined: one per core, as extraction's children. */
    private static final int READERS = Runtime.getRuntime().availableProcessors();

    private final SubmissionArchive archive;
    private final SubmissionIntake intake;
    private final ComplianceReload reload;
    private final IndexInstaller installer;
    private final ExtractedTexts extracted;
    private final StoredFindings findings;
    private final ProjectionQueue queue;
    private final Projector projector;
    private final JdbcClient db;

    EntryRebuild(
            SubmissionArchive archive,
            SubmissionIntake intake,
            ComplianceReload reload,
            IndexInstaller installer,
            ExtractedTexts extracted,
            StoredFindings findings,
            ProjectionQueue queue,
            Projector projector,
            JdbcClient db) {
        this.archive = archive;
        this.intake = intake;
        this.reload = reload;
        this.installer = installer;
        this.extracted = extracted;
        this.findings = findings;
        this.queue = queue;
        this.projector = projector;
        this.db = db;
    }

    /** Re-runs with the extracted texts kept beside the archive, and nobody watching the progress. */
    public RebuildReport rebuildAll() throws IOException {
        return rebuildAll(false, RebuildProgress.NONE);
    }

    /**
     * @param reextract extract every file again instead of reusing what was extracted (and keep the new texts)
     * @param progress told the number of submissions, then each one done
     */
    public synchronized RebuildReport rebuildAll(boolean reextract, RebuildProgress progress) throws IOException {
        if (!reextract) {
            return replayAll(progress);
        }
        try {
            return extracted.extractingAfresh(() -> replayAll(progress));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills new indices with everything the database holds (file texts from the archive), then lets people search
     * them. Nothing in the database changes.
     */
    public synchronized RebuildReport refillAll(RebuildProgress progress) throws IOException {
        Instant began = Instant.now();
        for (String name : DERIVED) {
            installer.newGeneration(name);
        }
        int queued = queue.enqueueEverything();
        progress.started(queued);
        List<String> failures = fill();
        for (String name : DERIVED) {
            installer.promote(name);
        }
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        log.info("Indices filled from the database: {} item(s), {} failed, {} s", queued, failures.size(), seconds);
        return new RebuildReport(queued, queued - failures.size(), Set.of(), failures, seconds);
    }

    private RebuildReport replayAll(RebuildProgress progress) throws IOException {
        Instant began = Instant.now();
        reload.reload();
        Map<String, EntryFindings> before = new HashMap<>();
        findings.forEach(before::put);
        for (String name : DERIVED) {
            installer.newGeneration(name);
        }
        // Listed after the write aliases moved: whatever is archived later is taken in by live intake, into the new
        // indices; whatever was archived before is in this list.
        List<ArchivedSubmission> all = new ArrayList<>(archive.all());
        all.sort(Comparator.comparing(ArchivedSubmission::order));
        progress.started(all.size());
        Set<String> replayed = new TreeSet<>();
        Set<String> entries = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        // Submissions are read (MIME walk, unpacking, extraction) a few at a time on the readers, and joined to their
        // entries here, one after another in the order of receipt, as live intake joined them.
        ExecutorService readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread thread = new Thread(r, "rebuild-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<SubmissionIntake.Prepared>> reading = new ArrayDeque<>();
            int submitted = 0;
            for (ArchivedSubmission archived : all) {
                while (submitted < all.size() && reading.size() < READERS) {
                    ArchivedSubmission next = all.get(submitted++);
                    reading.add(readers.submit(() -> intake.prepare(next)));
                }
                try {
                    SubmissionIntake.Replayed done = intake.replay(read(reading.poll()));
                    replayed.add(archived.id());
                    entries.add(done.taken().entry().id());
                    progress.done(true);
                } catch (RebuildInterrupted e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures.add(archived.id() + ": " + e.getMessage());
                    log.warn("Rebuild: submission {} could not be rebuilt: {}", archived.id(), e.toString());
                    progress.done(false);
                }
                if ((replayed.size() + failures.size()) % PROGRESS_EVERY == 0) {
                    log.info("Rebuild: {} of {} submissions done", replayed.size() + failures.size(), all.size());
                }
            }
        } finally {
            readers.shutdownNow();
        }
        // What the replay did not give the new indices (a submission that failed, an entry it did not reach) is given
        // them from the database, as it stands.
        queue.enqueueAllBut(replayed, entries);
        failures.addAll(fill());
        Set<String> changed = changedSince(before);
        for (String name : DERIVED) {
            installer.promote(name);
        }
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        log.info(
                "Rebuild finished: {} of {} rebuilt, {} with changed findings, {} failed, {} s",
                replayed.size(),
                all.size(),
                changed.size(),
                failures.size(),
                seconds);
        return new RebuildReport(all.size(), replayed.size(), changed, failures, seconds);
    }

    /**
     * Works the projection queue until it is empty, waiting out retries, but for rows the index refused
     * {@link #GIVE_UP_AFTER} times: those are answered with the reason, and the new indices are complete but for them.
     * An index that takes nothing for {@link #FILL_TIMEOUT} ends the job before any read alias moves.
     */
    private List<String> fill() {
        long deadline = System.nanoTime() + FILL_TIMEOUT.toNanos();
        while (true) {
            projector.catchUp();
            List<String> waiting = db.sql("select kind, id, tries, last_error from projection_queue order by seq")
                    .query((rs, n) -> rs.getInt(3) >= GIVE_UP_AFTER
                            ? rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(4)
                            : "")
                    .list();
            if (waiting.stream().noneMatch(String::isEmpty)) {
                return waiting;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " item(s) did not reach the index in "
                        + FILL_TIMEOUT.toMinutes() + " min; the indices searched stay as they were");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RebuildInterrupted(e);
            }
        }
    }

    /** The entries whose findings are not what they were before the re-run (or that are gone, or new). */
    private Set<String> changedSince(Map<String, EntryFindings> before) {
        Set<String> changed = new TreeSet<>();
        Set<String> now = new TreeSet<>();
        findings.forEach((entryId, found) -> {
            now.add(entryId);
            EntryFindings was = before.get(entryId);
            if (was == null || !was.sameResult(found)) {
                changed.add(entryId);
            }
        });
        before.keySet().stream().filter(id -> !now.contains(id)).forEach(changed::add);
        return changed;
    }

    /**
     * The submission a reader read. Its failure is the submission's (reported, and the rebuild goes on); an
     * {@link Error} or an interrupt ends the rebuild before any read alias moves.
     */
    private static SubmissionIntake.Prepared read(Future<SubmissionIntake.Prepared> reading) {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildInterrupted(e);
        }
    }

    /** The rebuild was stopped (the app is shutting down): nothing is promoted. */
    static final class RebuildInterrupted extends RuntimeException {
        RebuildInterrupted(InterruptedException cause) {
            super("Rebuild interrupted", cause);
        }
    }
}
