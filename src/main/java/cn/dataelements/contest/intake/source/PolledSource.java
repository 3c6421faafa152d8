package cn.dataelements.contest.intake.source;

/**
 * A source that a route polls (a portal's listing, a drop folder): on each poll it finds its items and hands each one
 * to the route, in order, through {@link Handoff}. Made per route by the route's template, as a template bean.
 */
public interface PolledSource {

    /** One poll; returns how many items were handed on. Throws when the source cannot be read at all. */
    int poll(Handoff handoff) throws Exception;

    /** The route, as the source sees it. */
    interface Handoff {

        /** False once the route is stopping: the poll should end. */
        boolean running();

        /**
         * Runs one item through the route: {@link Handed#LEFT} when it was left to be tried again because of an
         * outage, after which the poll should end without moving past it; {@link Handed#FAILED} when it failed for a
         * reason of its own, after which the poll goes on with the items behind it but does not move its watermark
         * past it.
         */
        Handed hand(Object item) throws Exception;
    }

    /** What became of an item handed to the route. */
    enum Handed {
        /** taken in (or found taken in before) */
        TAKEN,
        /** its content cannot be handled: quarantined with the reason in the ledger, the original archived */
        QUARANTINED,
        /** left to be tried again: an outage, which the items behind it would meet too */
        LEFT,
        /** failed for a reason of its own, its attempt counted: tried again at the next poll, the others go on */
        FAILED
    }

    /**
     * What waits at the source after a poll: how many items are not yet over, and the source's own time of the
     * oldest (null when none waits or the source cannot tell).
     */
    record Backlog(int waiting, java.time.Instant oldest) {

        public static final Backlog NONE = new Backlog(0, null);
    }

    /** What waited at the source at the end of the last poll; {@link Backlog#NONE} by default. */
    default Backlog backlog() {
        return Backlog.NONE;
    }
}
