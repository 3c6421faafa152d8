package cn.dataelements.contest.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What health knows of one intake route: whether its source can be polled, whether its items meet an outage, the last
 * item it took in, what waits at its source and since when, how many items failed in a row, and the items it gave up
 * on (neither taken in nor quarantined, because even the quarantine failed).
 *
 * @param poll the last poll of the source, or null before the first
 * @param outage the outage its items meet, or null while none does
 * @param lastTaken when an item was last taken in, or null
 * @param waiting the items waiting at the source at the last look, or -1 when the route cannot tell
 * @param oldestWaiting the channel's own time of the oldest waiting item, or null when none waits
 * @param consecutiveFailures items that failed one after another since the last one that went through
 * @param lastFailure the last such failure, for people who run the app (English), or empty
 * @param skipped the items given up on, from the durable record of attempts
 */
public record RouteHealth(
        Check poll,
        Check outage,
        Instant lastTaken,
        int waiting,
        Instant oldestWaiting,
        int consecutiveFailures,
        String lastFailure,
        List<IntakeAttempts.Skipped> skipped) {

    /** A condition that holds since a time, with its reason (English; null reason while it holds nothing bad). */
    public record Check(boolean failing, Instant since, String reason) {}

    /** A route nothing is known of yet. */
    public static final RouteHealth NONE = new RouteHealth(null, null, null, -1, null, 0, "", List.of());

    public RouteHealth {
        skipped = List.copyOf(skipped);
        lastFailure = lastFailure == null ? "" : lastFailure;
    }

    /** How long the oldest waiting item has waited, or zero. */
    public Duration oldestWait(Instant now) {
        return oldestWaiting == null || now.isBefore(oldestWaiting)
                ? Duration.ZERO
                : Duration.between(oldestWaiting, now);
    }

    /** Why the route is DOWN (English, one line each): a poll that fails, an outage, an item waiting too long. */
    public List<String> downReasons(Instant now, Duration maxWait) {
        List<String> reasons = new ArrayList<>();
        if (poll != null && poll.failing()) {
            reasons.add("the source cannot be polled since " + poll.since() + ": " + poll.reason());
        }
        if (outage != null && outage.failing()) {
            reasons.add("items meet an outage since " + outage.since() + ": " + outage.reason());
        }
        if (waiting > 0 && oldestWait(now).compareTo(maxWait) > 0) {
            reasons.add("the oldest of " + waiting + " waiting items has waited "
                    + oldestWait(now).toMinutes() + " minutes (limit " + maxWait.toMinutes() + ")");
        }
        return reasons;
    }

    RouteHealth withPoll(Check next) {
        return new RouteHealth(
                next, outage, lastTaken, waiting, oldestWaiting, consecutiveFailures, lastFailure, skipped);
    }

    RouteHealth withOutage(Check next) {
        return new RouteHealth(
                poll, next, lastTaken, waiting, oldestWaiting, consecutiveFailures, lastFailure, skipped);
    }

    RouteHealth withWaiting(int count, Instant oldest) {
        return new RouteHealth(poll, outage, lastTaken, count, oldest, consecutiveFailures, lastFailure, skipped);
    }

    RouteHealth withFailure(String reason) {
        return new RouteHealth(
                poll, outage, lastTaken, waiting, oldestWaiting, consecutiveFailures + 1, reason, skipped);
    }

    /** An item is over (taken in when {@code taken}, else quarantined): failures in a row and the outage end. */
    RouteHealth withItemOver(Instant at, boolean taken) {
        return new RouteHealth(poll, null, taken ? at : lastTaken, waiting, oldestWaiting, 0, lastFailure, skipped);
    }

    RouteHealth withSkipped(List<IntakeAttempts.Skipped> items) {
        return new RouteHealth(
                poll, outage, lastTaken, waiting, oldestWaiting, consecutiveFailures, lastFailure, items);
    }
}
