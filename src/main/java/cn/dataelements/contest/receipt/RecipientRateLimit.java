package cn.dataelements.contest.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * At most {@code max} receipts to one address within a sliding window, so a forged sender or a loop with another
 * robot cannot turn the intake into a mail cannon. Counts live in memory and are refilled at start from the receipts
 * on disk ({@link #record}), so a restart, or a crash loop, does not open the window again.
 */
final class RecipientRateLimit {

    private final int max;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sends = new HashMap<>();

    RecipientRateLimit(int max, Duration period, Clock clock) {
        this.max = max;
        this.period = period;
        this.clock = clock;
    }

    /** True, and counted, when one more receipt to this address is allowed now. */
    synchronized boolean tryAcquire(String recipient) {
        Instant now = clock.instant();
        Deque<Instant> recent = recent(recipient, now);
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** Counts a receipt sent before this limiter existed (read back from disk); one outside the window is ignored. */
    synchronized void record(String recipient, Instant at) {
        Instant now = clock.instant();
        if (!at.isAfter(now.minus(period)) || at.isAfter(now)) {
            return;
        }
        Deque<Instant> recent = recent(recipient, now);
        recent.addLast(at);
        List<Instant> sorted = new ArrayList<>(recent);
        sorted.sort(null);
        recent.clear();
        recent.addAll(sorted);
    }

    private Deque<Instant> recent(String recipient, Instant now) {
        Deque<Instant> recent = sends.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(period))) {
            recent.removeFirst();
        }
        return recent;
    }
}
