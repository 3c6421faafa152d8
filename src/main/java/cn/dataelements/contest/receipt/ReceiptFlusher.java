package cn.dataelements.contest.receipt;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends receipts left in the outbox (an SMTP outage, a crash before sending) every {@code intake.receipts.flush-every},
 * on one thread of its own; the first run is right after start-up, so a crash's leftovers go out first.
 */
@Component
class ReceiptFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptFlusher.class);

    private final Receipts receipts;
    private ScheduledExecutorService executor;

    ReceiptFlusher(Receipts receipts) {
        this.receipts = receipts;
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
