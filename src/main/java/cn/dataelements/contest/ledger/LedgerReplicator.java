package cn.dataelements.contest.ledger;

import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies committed ledger lines from the database to the ledger index, a batch at a time, marking each batch copied
 * once the index took it; while the index is down the lines wait in the database and are copied once it is back. Line
 * ids make a repeated copy harmless. When the ledger index is new, every line is copied again and the read alias
 * moves to it once all are in.
 */
@Component
class LedgerReplicator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerReplicator.class);
    private static final int BATCH = 1000;
    private static final String NAME = "ledger";

    private final JdbcClient db;
    private final Indexer indexer;
    private final IndexInstaller installer;
    private final String alias;
    private final long periodMillis;
    private ScheduledExecutorService executor;
    /** The ledger index was made anew: copy every line again, then let people read it. */
    private volatile boolean copyAllAgain;

    LedgerReplicator(
            JdbcClient db,
            LedgerProperties properties,
            Indexer indexer,
            IndexProperties index,
            IndexInstaller installer) {
        this.db = db;
        this.copyAllAgain = installer.unfilled().contains(NAME);
        this.installer = installer;
        this.indexer = indexer;
        this.alias = index.writeAlias(NAME);
        this.periodMillis = properties.replicateEvery().toMillis();
    }

    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::replicateQuietly);
        }
    }

    private void replicateQuietly() {
        try {
            replicate();
        } catch (RuntimeException | java.io.IOException e) {
            log.warn("Ledger lines wait in the database: could not copy them to {} ({})", alias, e.getMessage());
        }
    }

    synchronized void replicate() throws java.io.IOException {
        while (true) {
            List<LedgerEvent> batch = db.sql("select * from ledger where not copied order by seq limit ?")
                    .param(BATCH)
                    .query(LedgerView::event)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            indexer.index(
                    alias, batch.stream().map(e -> new IndexItem(e.id(), e)).toList());
            db.sql("update ledger set copied = true where id = any(?::uuid[])")
                    .param(batch.stream().map(LedgerEvent::id).toArray(String[]::new))
                    .update();
        }
        if (copyAllAgain) {
            installer.promote(NAME);
            copyAllAgain = false;
            log.info("Every ledger line is in the new ledger index; searches use it now");
        }
    }

    @Override
    public void start() {
        if (copyAllAgain) {
            db.sql("update ledger set copied = false where copied").update();
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ledger-replicator"));
        executor.scheduleWithFixedDelay(this::replicateQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the copying, after one last copy: a graceful stop leaves the ledger index as current as the database. */
    @Override
    public void stop() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                replicateQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
