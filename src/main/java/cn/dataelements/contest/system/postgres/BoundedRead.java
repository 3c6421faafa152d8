package cn.dataelements.contest.system.postgres;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A read from the database that answers in time whatever the database does: what health answers with. While the
 * database is down, getting a connection waits for the pool's whole timeout; health must say so at once instead. A few
 * threads at most wait for such reads; past them, a read is not even tried, nor for a few seconds after one got no
 * answer (the indicators of one health request wait once, not each in turn).
 */
public final class BoundedRead {

    private static final ThreadPoolExecutor READS =
            new ThreadPoolExecutor(0, 4, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread thread = new Thread(r, "bounded-read");
                thread.setDaemon(true);
                return thread;
            });

    /** After a read that got no answer in time, the next reads within this time do not wait again. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** When a read last got no answer in time (System.currentTimeMillis), 0 before any. */
    private static volatile long unansweredAt;

    private BoundedRead() {}

    /** The read's answer, or why there is none: it failed, it took longer than the timeout, or too many wait. */
    public static <T> Answer<T> within(Duration timeout, Supplier<T> read) {
        if (unansweredAt > 0 && System.currentTimeMillis() - unansweredAt < QUIET.toMillis()) {
            return new Answer<>(Optional.empty(), "the database did not answer a moment ago");
        }
        CompletableFuture<T> answer;
        try {
            answer = CompletableFuture.supplyAsync(read, READS);
        } catch (RejectedExecutionException e) {
            return new Answer<>(Optional.empty(), "earlier reads still wait for the database");
        }
        try {
            return new Answer<>(Optional.ofNullable(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS)), "");
        } catch (TimeoutException e) {
            unansweredAt = System.currentTimeMillis();
            return new Answer<>(Optional.empty(), "no answer from the database within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Answer<>(Optional.empty(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer<>(Optional.empty(), "interrupted");
        }
    }

    /** A read's value, or empty with the reason. */
    public record Answer<T>(Optional<T> value, String failure) {}
}
