package cn.dataelements.contest.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The app's heap in use, read from its metrics every half second while the benchmark runs: the highest reading is the
 * peak heap (a sample, so a short spike between two readings may be missed).
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    HeapSampler(LongSupplier heapUsedMib) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        peak.accumulateAndGet(heapUsedMib.getAsLong(), Math::max);
                    } catch (RuntimeException e) {
                        // the app is busy or restarting: the next reading counts
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
    }

    /** The highest reading since the last reset, and starts over. */
    long peakAndReset() {
        return peak.getAndSet(0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
