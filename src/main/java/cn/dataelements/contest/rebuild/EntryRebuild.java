package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.ComplianceReload;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.entry.EntryLookup;
import cn.dataelements.contest.extraction.ExtractedTexts;
import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.intake.SubmissionIntake;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every submission, view, entry and findings document from the archive alone, without fetching anything from
 * the channels again: after a change of rules, catalog or mappings, or to fill a new index. The archive is replayed in
 * the order of receipt, through the same steps as live intake (no receipt is sent), into new, empty indices that take
 * the write aliases at once, so intake goes on meanwhile and lands there too; searches keep the complete old indices
 * until the replay is done and the read aliases move. One bad submission is reported and skipped; the rest go on.
 */
@Component
public class EntryRebuild {

    /** The indices derived from the archive, rebuilt together. */
    static final List<String> DERIVED = List.of("submissions", "views", "entries", "findings", "search");

    private static final Logger log = LoggerFactory.getLogger(EntryRebuild.class);
    private static final int PROGRESS_EVERY = 25;
    /** Threads reading submissions ahead of the one being joined: one per core, as extraction's children. */
    private static final int READERS = Runtime.getRuntime().availableProcessors();

    private final SubmissionArchive archive;
    private final SubmissionIntake intake;
    private final EntryCheck check;
    private final ComplianceReload reload;
    private final IndexInstaller installer;
    private final EntryLookup lookup;
    private final ExtractedTexts extracted;

    EntryRebuild(
            SubmissionArchive archive,
            SubmissionIntake intake,
            EntryCheck check,
            ComplianceReload reload,
            IndexInstaller installer,
            EntryLookup lookup,
            ExtractedTexts extracted) {
        this.lookup = lookup;
        this.extracted = extracted;
        this.archive = archive;
        this.intake = intake;
        this.check = check;
        this.reload = reload;
        this.installer = installer;
    }

    /** Rebuilds with the extracted texts kept beside the archive, and nobody watching the progress. */
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

    private RebuildReport replayAll(RebuildProgress progress) throws IOException {
        Instant began = Instant.now();
        reload.reload();
        // Forgotten before the new indices take the writes: whatever live intake writes from now on is remembered.
        lookup.clear();
        for (String name : DERIVED) {
            installer.newGeneration(name);
        }
        // Listed after the write aliases moved: whatever is archived later is taken in by live intake, into the new
        // indices; whatever was archived before is in this list.
        List<ArchivedSubmission> all = new ArrayList<>(archive.all());
        all.sort(Comparator.comparing(ArchivedSubmission::order));
        progress.started(all.size());
        Set<String> entries = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int rebuilt = 0;
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
                    entries.add(intake.replay(read(reading.poll())).entry().id());
                    rebuilt++;
                    progress.done(true);
                } catch (RebuildInterrupted e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures.add(archived.id() + ": " + e.getMessage());
                    log.warn("Rebuild: submission {} could not be rebuilt: {}", archived.id(), e.toString());
                    progress.done(false);
                }
                if ((rebuilt + failures.size()) % PROGRESS_EVERY == 0) {
                    log.info("Rebuild: {} of {} submissions done", rebuilt + failures.size(), all.size());
                }
            }
        } finally {
            readers.shutdownNow();
        }
        Set<String> changed = new TreeSet<>();
        for (String entryId : entries) {
            if (check.differsFromPublished(entryId)) {
                changed.add(entryId);
            }
        }
        for (String name : DERIVED) {
            installer.promote(name);
        }
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        log.info(
                "Rebuild finished: {} of {} rebuilt, {} with changed findings, {} failed, {} s",
                rebuilt,
                all.size(),
                changed.size(),
                failures.size(),
                seconds);
        return new RebuildReport(all.size(), rebuilt, changed, failures, seconds);
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
