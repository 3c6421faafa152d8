package cn.dataelements.contest.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** At most {@code max} events within any {@code period}: the shape of both receipt limits. Not thread-safe. */
final class SlidingWindow {

    private final int max;
    private final Duration period;
    private final Clock clock;
    private final Deque<Instant> events = new ArrayDeque<>();

    SlidingWindow(int max, Duration period, Clock clock) {
        this.max = max;
        this.period = period;
        this.clock = clock;
    }

    /** True, and counted, when one more event is allowed now. */
    boolean tryAcquire() {
        Instant now = clock.instant();
        forgetBefore(now.minus(period));
        if (events.size() >= max) {
            return false;
        }
        events.addLast(now);
        return true;
    }

    /** True when one more event would be allowed now; counts nothing. */
    boolean hasRoom() {
        forgetBefore(clock.instant().minus(period));
        return events.size() < max;
    }

    /** Counts an event of the past (read back from disk); one outside the window, or in the future, is ignored. */
    void record(Instant at) {
        Instant now = clock.instant();
        if (!at.isAfter(now.minus(period)) || at.isAfter(now)) {
            return;
        }
        List<Instant> sorted = new ArrayList<>(events);
        sorted.add(at);
        sorted.sort(null);
        events.clear();
        events.addAll(sorted);
    }

    /** True when nothing in the window counts any more: the window can be forgotten. */
    boolean idle() {
        forgetBefore(clock.instant().minus(period));
        return events.isEmpty();
    }

    private void forgetBefore(Instant start) {
        while (!events.isEmpty() && !events.peekFirst().isAfter(start)) {
            events.removeFirst();
        }
    }
}
