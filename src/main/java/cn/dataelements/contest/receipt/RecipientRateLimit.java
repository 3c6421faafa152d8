package cn.dataelements.contest.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most {@code max} receipts to one address within a sliding window, so a forged sender or a loop with another
 * robot cannot turn the intake into a mail cannon. Counts live in memory: a restart forgets them, which at worst lets
 * one more window's worth through.
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
        String key = recipient.toLowerCase(Locale.ROOT);
        Deque<Instant> recent = sends.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(period))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
