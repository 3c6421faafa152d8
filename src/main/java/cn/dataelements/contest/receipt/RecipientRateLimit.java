package cn.dataelements.contest.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most {@code max} receipts to one address within a sliding window, so a forged sender or a loop with another
 * robot cannot turn the intake into a mail cannon. Counts live in memory and are refilled at start from the receipts
 * on disk ({@link #record}), so a restart, or a crash loop, does not open the window again. Addresses whose window
 * has emptied are forgotten once a period, so a contest's thousands of senders do not stay in memory.
 */
final class RecipientRateLimit {

    private final int max;
    private final Duration period;
    private final Clock clock;
    private final Map<String, SlidingWindow> windows = new HashMap<>();
    private Instant lastSweep;

    RecipientRateLimit(int max, Duration period, Clock clock) {
        this.max = max;
        this.period = period;
        this.clock = clock;
        this.lastSweep = clock.instant();
    }

    /** True, and counted, when one more receipt to this address is allowed now. */
    synchronized boolean tryAcquire(String recipient) {
        sweep();
        return window(recipient).tryAcquire();
    }

    /** Counts a receipt sent before this limiter existed (read back from disk); one outside the window is ignored. */
    synchronized void record(String recipient, Instant at) {
        window(recipient).record(at);
    }

    /** How many addresses are remembered now. */
    synchronized int remembered() {
        return windows.size();
    }

    private SlidingWindow window(String recipient) {
        return windows.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), k -> new SlidingWindow(max, period, clock));
    }

    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(lastSweep.plus(period))) {
            return;
        }
        windows.values().removeIf(SlidingWindow::idle);
        lastSweep = now;
    }
}
