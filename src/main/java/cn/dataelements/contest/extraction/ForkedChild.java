package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.Request;
import cn.dataelements.contest.extraction.ChildProtocol.TnefReply;
import cn.dataelements.contest.extraction.ChildProtocol.TnefRequest;
import cn.dataelements.contest.system.process.ChildEnvironment;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running child JVM and the parent's end of its pipes. Every wait on the child is guarded by a watchdog that
 * kills it with {@link Process#destroyForcibly()}; the blocked read then ends and the caller learns why from
 * {@link ChildFailure}. A child that failed in any way is not reused.
 */
final class ForkedChild implements AutoCloseable {

    /** HotSpot's exit status under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ForkedChild.class);
    private static final Logger childLog = LoggerFactory.getLogger(ForkedChild.class.getPackageName() + ".child");

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ScheduledExecutorService watchdog;
    private final StderrPump stderr;

    private ForkedChild(Process process, ScheduledExecutorService watchdog, StderrPump stderr) {
        this.process = process;
        this.watchdog = watchdog;
        this.stderr = stderr;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts a child and waits until it has loaded its parsers. */
    static ForkedChild start(List<String> command, Duration startTimeout, ScheduledExecutorService watchdog)
            throws ChildFailure {
        long started = System.nanoTime();
        Process process;
        try {
            process = ChildEnvironment.clean(new ProcessBuilder(command)).start();
        } catch (IOException e) {
            throw new ChildFailure(ChildFailure.Kind.CRASHED, "Cannot start " + command + ": " + e.getMessage());
        }
        ForkedChild child = new ForkedChild(process, watchdog, StderrPump.start(process));
        child.guarded(startTimeout, () -> {
            int ready = child.in.readInt();
            if (ready != ChildProtocol.READY) {
                throw new IOException("Child said " + Integer.toHexString(ready) + " instead of ready");
            }
            return ready;
        });
        log.info(
                "Started extraction child pid {} in {} ms",
                process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return child;
    }

    ChildReply parse(Request request, Duration timeout, int maxReplyBytes) throws ChildFailure {
        return guarded(timeout, () -> {
            ChildProtocol.writeRequest(out, request);
            return ChildProtocol.readReply(in, maxReplyBytes);
        });
    }

    TnefReply unpack(TnefRequest request, Duration timeout) throws ChildFailure {
        return guarded(timeout, () -> {
            ChildProtocol.writeRequest(out, request);
            return ChildProtocol.readTnefReply(in);
        });
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private interface Exchange<T> {
        T run() throws IOException;
    }

    private <T> T guarded(Duration timeout, Exchange<T> exchange) throws ChildFailure {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> kill = watchdog.schedule(
                () -> {
                    timedOut.set(true);
                    process.destroyForcibly();
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            return exchange.run();
        } catch (IOException e) {
            kill.cancel(false);
            throw failure(timedOut.get(), timeout, e);
        } finally {
            kill.cancel(false);
        }
    }

    private ChildFailure failure(boolean timedOut, Duration timeout, IOException e) {
        if (timedOut) {
            return new ChildFailure(ChildFailure.Kind.TIMEOUT, "Child pid " + pid() + " killed after " + timeout);
        }
        int exit = exitStatus();
        if (exit == OUT_OF_MEMORY_EXIT || stderr.sawOutOfMemory(EXIT_GRACE)) {
            return new ChildFailure(ChildFailure.Kind.OUT_OF_MEMORY, "Child pid " + pid() + " ran out of heap");
        }
        return new ChildFailure(
                ChildFailure.Kind.CRASHED, "Child pid " + pid() + " ended with status " + exit + ": " + e);
    }

    /**
     * The child's own exit status. A broken pipe is often seen while the child is still on its way out (HotSpot
     * writes its out-of-memory message, then exits with 3), so it gets a moment to finish before it is killed;
     * killing it at once would replace the status that says why it ended.
     */
    private int exitStatus() {
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Closing stdin asks the child to finish; one that does not is killed. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.debug("Closing stdin of extraction child pid {}", pid(), e);
        }
        process.destroyForcibly();
    }

    /**
     * Copies the child's stderr into our log and remembers whether HotSpot said it was terminating for lack of
     * memory: that line is the evidence when the exit status itself is lost (a child killed while on its way out).
     */
    private static final class StderrPump {
        private static final String OUT_OF_MEMORY_LINE = "Terminating due to java.lang.OutOfMemoryError";

        private final Thread thread;
        private volatile boolean outOfMemory;

        private StderrPump(Process process) {
            this.thread = new Thread(() -> copy(process), "extraction-child-" + process.pid() + "-stderr");
            thread.setDaemon(true);
        }

        static StderrPump start(Process process) {
            StderrPump pump = new StderrPump(process);
            pump.thread.start();
            return pump;
        }

        private void copy(Process process) {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains(OUT_OF_MEMORY_LINE)) {
                        outOfMemory = true;
                    }
                    childLog.info("[pid {}] {}", process.pid(), line);
                }
            } catch (IOException e) {
                log.debug("stderr of extraction child pid {} closed", process.pid(), e);
            }
        }

        /** Waits up to {@code grace} for the dead child's stderr to be read to its end. */
        boolean sawOutOfMemory(Duration grace) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return outOfMemory;
        }
    }

    /** Why a child gave no answer; the child is dead by the time this is thrown. */
    static final class ChildFailure extends Exception {
        enum Kind {
            TIMEOUT,
            OUT_OF_MEMORY,
            CRASHED
        }

        private final Kind kind;

        ChildFailure(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }
    }
}
