package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.Request;
import cn.dataelements.contest.extraction.ChildProtocol.TnefRequest;
import cn.dataelements.contest.extraction.ForkedChild.ChildFailure;
import cn.dataelements.contest.submission.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DocumentExtractor} that runs Tika in child JVMs, at most {@link ExtractionSettings#poolSize()} at once, each
 * with its own {@code -Xmx}. A child that times out, runs out of memory or dies is killed and a fresh one is started
 * for the next document, so the application's heap and threads never hold a parser. Children start on first use.
 */
public final class ForkedTikaExtractor implements DocumentExtractor {

    /** Loading Tika's parsers takes a few seconds on a cold machine; this is generous so a busy CI does not fail. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** Room for the XHTML head (metadata as meta elements), which the body budgets do not count. */
    private static final int HEAD_ALLOWANCE = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(ForkedTikaExtractor.class);
    private static final String UNKNOWN_TYPE = MediaType.OCTET_STREAM.toString();

    private final ExtractionSettings settings;
    private final ChildLauncher launcher;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<ForkedChild> idle = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService watchdog;
    private final int maxReplyBytes;
    private volatile boolean closed;

    public ForkedTikaExtractor(ExtractionSettings settings) {
        this.settings = settings;
        this.launcher = new ChildLauncher(settings);
        this.permits = new Semaphore(settings.poolSize(), true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "extraction-watchdog");
            t.setDaemon(true);
            return t;
        });
        // UTF-8 needs at most three bytes per char; XHTML may be MARKUP_FACTOR times the text on top of the text.
        long cap = 3L * settings.maxTextChars() * (1 + BoundedTeeHandler.MARKUP_FACTOR)
                + 3L * BoundedTeeHandler.MARKUP_ALLOWANCE
                + HEAD_ALLOWANCE;
        this.maxReplyBytes = (int) Math.min(cap, Integer.MAX_VALUE - 64);
    }

    @Override
    public Extraction extract(Path file, String displayName) {
        return extract(file, displayName, settings.maxTextChars());
    }

    @Override
    public Extraction extract(Path file, String displayName, int maxTextChars) {
        return extract(file, displayName, Math.min(maxTextChars, settings.maxTextChars()), settings.timeout());
    }

    /** As {@link #extract(Path, String)} with another timeout, so tests can force one on an otherwise normal pool. */
    Extraction extract(Path file, String displayName, Duration timeout) {
        return extract(file, displayName, settings.maxTextChars(), timeout);
    }

    private Extraction extract(Path file, String displayName, int maxTextChars, Duration timeout) {
        if (!Files.isRegularFile(file)) {
            return failed(displayName, ExtractionProblem.FAILED, "No such file: " + file);
        }
        Request request = new Request(file.toAbsolutePath().toString(), displayName, maxTextChars);
        return inChild(
                displayName,
                child -> toExtraction(displayName, child.parse(request, timeout, maxReplyBytes)),
                f -> failed(displayName, problemFor(f.kind()), f.getMessage()));
    }

    @Override
    public Unpacked unpackTnef(Path file, String displayName, Path outDir, int maxEntries, long maxEntryBytes) {
        TnefRequest request = new TnefRequest(
                file.toAbsolutePath().toString(), outDir.toAbsolutePath().toString(), maxEntries, maxEntryBytes);
        return inChild(
                displayName,
                child -> Unpacked.of(child.unpack(request, settings.timeout())),
                f -> new Unpacked(false, List.of(), f.getMessage()));
    }

    private interface ChildCall<T> {
        T run(ForkedChild child) throws ChildFailure;
    }

    /** Runs one request on a child of the pool; a child that failed is killed, the next request gets a fresh one. */
    private <T> T inChild(String displayName, ChildCall<T> call, java.util.function.Function<ChildFailure, T> failed) {
        if (closed) {
            throw new IllegalStateException("Extractor is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(
                    new ChildFailure(ChildFailure.Kind.CRASHED, "Interrupted while waiting for an extraction child"));
        }
        ForkedChild child = null;
        long started = System.nanoTime();
        try {
            child = takeChild();
            T result = call.run(child);
            giveBack(child);
            log.debug("Child did {} in {} ms", displayName, millisSince(started));
            return result;
        } catch (ChildFailure f) {
            if (child != null) {
                child.close();
            }
            // the file's name is a team's; the problem on the submission names it
            log.warn("Extraction failed after {} ms: {}", millisSince(started), f.getMessage());
            log.debug("The file that failed: {}", displayName);
            return failed.apply(f);
        } finally {
            permits.release();
        }
    }

    private ForkedChild takeChild() throws ChildFailure {
        for (ForkedChild c = idle.poll(); c != null; c = idle.poll()) {
            if (c.alive()) {
                return c;
            }
            c.close();
        }
        return ForkedChild.start(launcher.command(), START_TIMEOUT, watchdog);
    }

    private void giveBack(ForkedChild child) {
        if (closed || !child.alive()) {
            child.close();
        } else {
            idle.offer(child);
        }
    }

    private static ExtractionProblem problemFor(ChildFailure.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> ExtractionProblem.TIMEOUT;
            case OUT_OF_MEMORY -> ExtractionProblem.OUT_OF_MEMORY;
            case CRASHED -> ExtractionProblem.FAILED;
        };
    }

    private Extraction toExtraction(String displayName, ChildReply reply) {
        ExtractionProblem problem = switch (reply.status()) {
            case OK -> null;
            case ENCRYPTED -> ExtractionProblem.ENCRYPTED;
            case CORRUPT -> ExtractionProblem.CORRUPT;
            case UNSUPPORTED -> ExtractionProblem.UNSUPPORTED;
        };
        if (problem != null) {
            log.debug("Cannot extract {} ({}): {}", displayName, problem.code(), reply.detail());
            return Extraction.failed(displayName, reply.mediaType(), problem.of(reply.detail(), displayName));
        }
        List<Problem> problems = new ArrayList<>();
        if ("true".equals(reply.metadata().get(Extraction.TRUNCATED))) {
            log.debug("Text of {} cut at {} characters", displayName, settings.maxTextChars());
            problems.add(ExtractionProblem.TRUNCATED.of(
                    "Text cut at " + settings.maxTextChars() + " characters", displayName));
        }
        return new Extraction(
                displayName, reply.mediaType(), reply.text(), reply.xhtml(), reply.metadata(), problems, true);
    }

    private static Extraction failed(String displayName, ExtractionProblem problem, String detail) {
        return Extraction.failed(displayName, UNKNOWN_TYPE, problem.of(detail, displayName));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    @Override
    public void close() {
        closed = true;
        for (ForkedChild c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
        watchdog.shutdownNow();
    }

    /** Process ids of the idle children, so tests can see a killed child replaced. */
    List<Long> idleChildPids() {
        return idle.stream().map(ForkedChild::pid).toList();
    }
}
