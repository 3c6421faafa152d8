package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies the body of an HTTP answer from a source (a portal's listing or file, a fetched export package) with two
 * guards: a body that stops sending for longer than the timeout is closed, which ends the copy as a
 * {@link SourceUnavailableException} (the source may answer later); and a body over the size limit ends the copy as
 * {@link TooLargeException} (it will not get smaller). A connection reset on the way is the source being unavailable
 * too.
 */
public final class BoundedBody {

    /** A body over the limit: refused for what it is, not tried again. */
    public static final class TooLargeException extends IOException {

        TooLargeException(String message) {
            super(message);
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "source-body-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private BoundedBody() {}

    /**
     * Copies the body into {@code out}; returns the bytes copied.
     *
     * @param what the body, for messages (a URL without its query)
     */
    public static long copy(InputStream body, OutputStream out, long maxBytes, Duration stallTimeout, String what)
            throws IOException {
        AtomicLong progress = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - progress.get() > stallTimeout.toNanos()
                            && stalled.compareAndSet(false, true)) {
                        try {
                            body.close();
                        } catch (IOException e) {
                            // closing is all the watchdog can do
                        }
                    }
                },
                Math.min(1000, stallTimeout.toMillis()),
                Math.min(1000, stallTimeout.toMillis()),
                TimeUnit.MILLISECONDS);
        long size = 0;
        try {
            byte[] buffer = new byte[64 * 1024];
            for (int n = read(body, buffer, stalled, stallTimeout, what);
                    n >= 0;
                    n = read(body, buffer, stalled, stallTimeout, what)) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(what + " is over " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n); // a failure here is the app's own disk, not the source
                progress.set(System.nanoTime());
            }
            if (stalled.get()) {
                throw new SourceUnavailableException(
                        what + " stalled for more than " + stallTimeout.toMillis() + " ms");
            }
            return size;
        } finally {
            watchdog.cancel(false);
        }
    }

    /** One read of the body; a failure of it (reset, closed by the watchdog) is the source being unavailable. */
    private static int read(InputStream body, byte[] buffer, AtomicBoolean stalled, Duration stallTimeout, String what)
            throws SourceUnavailableException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new SourceUnavailableException(
                    stalled.get()
                            ? what + " stalled for more than " + stallTimeout.toMillis() + " ms"
                            : what + " broke off: " + e.getMessage(),
                    e);
        }
    }
}
