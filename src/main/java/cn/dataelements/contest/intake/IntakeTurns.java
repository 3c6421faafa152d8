package cn.dataelements.contest.intake;

import java.util.BitSet;

/**
 * The order in which the items of one poll become part of their entries, when they are read in parallel: the order of
 * the batch, which is the order of receipt. Reading (MIME walk, extraction, the form) runs at once; making an item part
 * of its entry waits for the items before it. So a team's mails of one poll get their versions in the order received,
 * and a later item finds the teams of the earlier ones. An item that fails or is skipped gives its turn up.
 */
public final class IntakeTurns {

    /** Exchange property: this item's {@link Turn}, when the route reads a poll's items in parallel. */
    public static final String PROPERTY = "intake.turn";

    private final BitSet done = new BitSet();
    private int next;

    /** The turn of the item at this position of the batch (0 for the first). */
    public Turn turn(int index) {
        return new Turn(this, index);
    }

    private synchronized void await(int index) throws InterruptedException {
        while (next < index) {
            wait();
        }
    }

    private synchronized void done(int index) {
        done.set(index);
        while (done.get(next)) {
            next++;
        }
        notifyAll();
    }

    /** One item's place in the order. */
    public record Turn(IntakeTurns turns, int index) {

        /** Waits until every item before this one is done. */
        public void await() {
            try {
                turns.await(index);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the items before it", e);
            }
        }

        /** This item is done (taken in, skipped or failed); saying so twice is harmless. */
        public void done() {
            turns.done(index);
        }
    }
}
