package cn.dataelements.contest.intake.mail;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;

/**
 * The mailbox consumer's scheduler: polls every {@code delay} as camel-mail's does, and also at once when the mailbox
 * says a mail arrived ({@link MailboxIdle}, IMAP IDLE). Camel has no public "poll now"; this scheduler holds the poll
 * task, so it can run it. The poll runs on the scheduler's single thread, so a wake never polls beside a running poll:
 * it runs right after it, and wakes that arrive meanwhile count as one.
 */
class IdleScheduler extends DefaultScheduledPollConsumerScheduler {

    private final MailboxIdle idle;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private Runnable task;

    IdleScheduler(MailboxIdle idle) {
        this.idle = idle;
    }

    @Override
    public void scheduleTask(Runnable task) {
        super.scheduleTask(task);
        this.task = task;
    }

    @Override
    public void startScheduler() {
        super.startScheduler();
        idle.start(this::wake);
    }

    /** Polls as soon as the running poll, if any, is done. */
    void wake() {
        ScheduledExecutorService executor = getScheduledExecutorService();
        if (executor == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakePending.set(false);
                task.run();
            });
        } catch (RejectedExecutionException stopping) {
            wakePending.set(false);
        }
    }

    @Override
    protected void doStop() throws Exception {
        idle.stop();
        super.doStop();
    }
}
