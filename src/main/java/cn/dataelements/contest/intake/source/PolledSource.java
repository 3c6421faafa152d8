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
         * Runs one item through the route: {@link Handed#LEFT} when it was left to be tried again (an outage), after
         * which the poll should end without moving past it.
         */
        Handed hand(Object item) throws Exception;
    }

    /** What became of an item handed to the route. */
    enum Handed {
        /** taken in (or found taken in before) */
        TAKEN,
        /** its content cannot be handled: quarantined with the reason in the ledger, the original archived */
        QUARANTINED,
        /** left to be tried again */
        LEFT
    }
}
