package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.Request;
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

    private static final Logger log = LoggerFactory.getLogger(ForkedChild.class);
    private static final Logger childLog = LoggerFactory.getLogger(ForkedChild.class.getPackageName() + ".child");

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ScheduledExecutorService watchdog;

    private ForkedChild(Process process, ScheduledExecutorService watchdog) {
        this.process = process;
        this.watchdog = watchdog;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts a child and waits until it has loaded its parsers. */
    static ForkedChild start(List<String> command, Duration startTimeout, ScheduledExecutorService watchdog)
            throws ChildFailure {
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ChildFailure(ChildFailure.Kind.CRASHED, "Cannot start " + command + ": " + e.getMessage());
        }
        pumpStderr(process);
        ForkedChild child = new ForkedChild(process, watchdog);
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
        process.destroyForcibly();
        int exit = exitStatus();
        if (exit == OUT_OF_MEMORY_EXIT) {
            return new ChildFailure(ChildFailure.Kind.OUT_OF_MEMORY, "Child pid " + pid() + " ran out of heap");
        }
        return new ChildFailure(
                ChildFailure.Kind.CRASHED, "Child pid " + pid() + " ended with status " + exit + ": " + e);
    }

    private int exitStatus() {
        try {
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

    private static void pumpStderr(Process process) {
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader err = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line = err.readLine(); line != null; line = err.readLine()) {
                            childLog.info("[pid {}] {}", process.pid(), line);
                        }
                    } catch (IOException e) {
                        log.debug("stderr of extraction child pid {} closed", process.pid(), e);
                    }
                },
                "extraction-child-" + process.pid() + "-stderr");
        pump.setDaemon(true);
        pump.start();
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
