package cn.dataelements.contest.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs rebuilds as jobs in the background, one at a time, and tells how far the current or last one is. Intake goes on
 * while a job runs (see {@link EntryRebuild}).
 */
@Component
public class RebuildJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildJobs.class);

    /** A rebuild as asked for, and how far it is. */
    public static final class Job implements RebuildProgress {
        private final String id = UUID.randomUUID().toString().substring(0, 8);
        private final boolean reextract;
        private final boolean refill;
        private final Instant started = Instant.now();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile int total = -1;
        private volatile Instant finished;
        private volatile RebuildReport report;
        private volatile String error;
        private Runnable then = () -> {};

        Job(boolean reextract, boolean refill) {
            this.reextract = reextract;
            this.refill = refill;
        }

        @Override
        public void started(int submissions) {
            total = submissions;
        }

        @Override
        public void done(boolean rebuilt) {
            done.incrementAndGet();
            if (!rebuilt) {
                failed.incrementAndGet();
            }
        }

        public String id() {
            return id;
        }

        public boolean running() {
            return finished == null;
        }

        /** What the job looks like from outside, now. */
        public RebuildStatus status() {
            Instant now = finished == null ? Instant.now() : finished;
            long elapsed = Duration.between(started, now).toMillis();
            int doneNow = done.get();
            Long left = null;
            if (finished == null && total > 0 && doneNow > 0) {
                left = elapsed * (total - doneNow) / doneNow / 1000;
            }
            String state = finished == null ? "RUNNING" : error == null ? "DONE" : "FAILED";
            return new RebuildStatus(
                    id,
                    state,
                    refill ? "database" : "archive",
                    reextract,
                    started,
                    finished,
                    total,
                    doneNow,
                    failed.get(),
                    elapsed / 1000,
                    left,
                    report,
                    error);
        }
    }

    private final EntryRebuild rebuild;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Job last;

    RebuildJobs(EntryRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Starts a rebuild, unless one is running.
     *
     * @return the new job, or empty when one is running (see {@link #last()})
     */
    public synchronized Optional<Job> start(boolean reextract) {
        return start(new Job(reextract, false));
    }

    /** Starts a re-run as {@link #start}, and runs {@code then} once it is over, however it ended. */
    public synchronized Optional<Job> startThen(boolean reextract, Runnable then) {
        Job job = new Job(reextract, false);
        job.then = then;
        return start(job);
    }

    /**
     * Starts filling new indices from the database, unless a job is running.
     *
     * @return the new job, or empty when one is running
     */
    public synchronized Optional<Job> startRefill() {
        return start(new Job(false, true));
    }

    private Optional<Job> start(Job job) {
        if (last != null && last.running()) {
            return Optional.empty();
        }
        last = job;
        runner.execute(() -> run(job));
        return Optional.of(job);
    }

    /** The running job, or the one that ran last; empty when none ran since the app started. */
    public Optional<Job> last() {
        return Optional.ofNullable(last);
    }

    public Optional<Job> find(String id) {
        Job job = last;
        return job != null && job.id().equals(id) ? Optional.of(job) : Optional.empty();
    }

    private void run(Job job) {
        log.info(
                "Rebuild {} started{}",
                job.id(),
                job.refill
                        ? ", filling the indices from the database"
                        : job.reextract ? ", extracting every file again" : "");
        try {
            job.report = job.refill ? rebuild.refillAll(job) : rebuild.rebuildAll(job.reextract, job);
        } catch (Exception | Error e) {
            job.error = e.toString();
            log.error("Rebuild {} failed; the indices searched are the ones before it", job.id(), e);
        } finally {
            job.finished = Instant.now();
            job.then.run();
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
