package cn.dataelements.contest.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on a thread of its own at a fixed delay, first after one delay, for a lifecycle bean's start and stop. A
 * failure of one run is logged and the next run goes on.
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private volatile ScheduledExecutorService executor;

    /** @param name the thread's name, also in the log */
    public Periodic(String name) {
        this.name = name;
    }

    public synchronized void start(Duration every, Runnable task) {
        if (executor != null) {
            return;
        }
        long millis = Math.max(1, every.toMillis());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("{}: {}", name, e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public boolean running() {
        return executor != null;
    }
}
