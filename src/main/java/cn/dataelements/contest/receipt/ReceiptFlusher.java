package cn.dataelements.contest.receipt;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one thread that sends receipts: right after start-up (a crash's leftovers go out first), every
 * {@code intake.receipts.flush-every}, and soon after {@link #wake()}, which the intake calls once an item is
 * acknowledged. Wakes that come while a flush is pending are folded into it.
 */
@Component
public class ReceiptFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptFlusher.class);

    private final Receipts receipts;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    ReceiptFlusher(Receipts receipts) {
        this.receipts = receipts;
    }

    /** Asks for the outbox to be sent soon, on the sending thread; returns at once. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && woken.compareAndSet(false, true)) {
            running.execute(() -> {
                woken.set(false);
                flushQuietly();
            });
        }
    }

    private void flushQuietly() {
        try {
            int sent = receipts.flush();
            if (sent > 0) {
                log.info("Sent {} receipt(s) from the outbox", sent);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not go through the receipt outbox: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!receipts.enabled()) {
            return;
        }
        long period = receipts.properties().flushEvery().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "receipt-outbox"));
        executor.scheduleWithFixedDelay(this::flushQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
