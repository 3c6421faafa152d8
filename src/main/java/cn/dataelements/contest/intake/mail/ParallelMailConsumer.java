package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeTurns;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailConsumer;
import org.apache.camel.component.mail.MailEndpoint;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * camel-mail's consumer, with the mails of a poll processed by a few workers at once instead of one after another, and
 * the poll returning only when all of them are done: camel-mail moves each mail on the polling session, which it
 * closes after the batch, so every acknowledgement must happen before that. The items keep the batch's order where it
 * matters through {@link IntakeTurns}: reading runs in parallel, joining entries in order. One consumer per folder (two
 * consumers of one folder would take the same mails).
 */
class ParallelMailConsumer extends MailConsumer {

    /** How long a stopping consumer waits for the mails its workers are reading. */
    private static final long STOP_WAIT_SECONDS = 30;

    /** One poll's work: the items' turns, their futures, and the mails done, by where each goes ("" to stay). */
    private static final class Batch {
        final IntakeTurns turns = new IntakeTurns();
        final List<Future<?>> inFlight = new ArrayList<>();
        final Map<String, List<Message>> acknowledged = new LinkedHashMap<>();
    }

    /** Exchange property: the {@link Batch} the exchange belongs to, where its completion notes the mail. */
    private static final String BATCH = "intake.mail.batch";

    private final int workers;
    private final JavaMailSender sender;
    /** The poll in progress; only the polling thread sets it. */
    private Batch batch;

    private ExecutorService executor;

    ParallelMailConsumer(MailEndpoint endpoint, Processor processor, JavaMailSender sender, int workers) {
        super(endpoint, processor, sender);
        this.workers = workers;
        this.sender = sender;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        Batch current = new Batch();
        batch = current;
        int total = super.processBatch(exchanges);
        boolean interrupted = false;
        for (Future<?> item : current.inFlight) {
            while (true) {
                try {
                    item.get();
                    break;
                } catch (ExecutionException | CancellationException e) {
                    // the exchange carries its own failure; a cancelled one was never started
                    break;
                } catch (InterruptedException e) {
                    // A forced stop: items not started are not started; those running are waited for, so the mails
                    // they finish are acknowledged. Earlier items always started first: nobody waits for a turn
                    // that is cancelled here.
                    interrupted = true;
                    current.inFlight.forEach(f -> f.cancel(false));
                }
            }
        }
        boolean moved = acknowledge(current);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // A poll whose mails could not be moved does not poll again at once (greedy): they would come back as they
        // are, be recognised as taken, and fail to move again, in a loop.
        return moved ? total : 0;
    }

    /**
     * camel-mail acknowledges each mail as its exchange completes, with four commands on the shared session (flag it
     * seen, look the folder up, copy, flag it deleted). Here the completions are only noted, and the batch's mails are
     * flagged and moved with one command per destination once all are done: {@code MOVE} where the server has it
     * (RFC 6851), copy and flag otherwise. A mail whose move fails, or which was never moved because the app stopped,
     * stays in the inbox and is recognised as taken on the next poll.
     */
    @Override
    protected void processCommit(Message mail, Exchange exchange) {
        Batch owner = exchange.getProperty(BATCH, Batch.class);
        if (owner == null) {
            super.processCommit(mail, exchange);
            return;
        }
        String moveTo = exchange.getIn()
                .getHeader(
                        MailConstants.MAIL_MOVE_TO,
                        getEndpoint().getConfiguration().getMoveTo(),
                        String.class);
        synchronized (owner.acknowledged) {
            owner.acknowledged
                    .computeIfAbsent(moveTo == null ? "" : moveTo, k -> new ArrayList<>())
                    .add(mail);
        }
    }

    /** Moves the batch's done mails; false when some could not be moved. */
    private boolean acknowledge(Batch done) {
        Map<String, List<Message>> byDestination;
        synchronized (done.acknowledged) {
            byDestination = new LinkedHashMap<>(done.acknowledged);
        }
        boolean moved = true;
        for (Map.Entry<String, List<Message>> destination : byDestination.entrySet()) {
            Message[] mails = destination.getValue().toArray(new Message[0]);
            try {
                Folder source = mails[0].getFolder();
                source.setFlags(mails, new Flags(Flags.Flag.SEEN), true);
                if (destination.getKey().isEmpty()) {
                    continue;
                }
                Folder target = source.getStore().getFolder(destination.getKey());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                if (source instanceof IMAPFolder imap
                        && source.getStore() instanceof IMAPStore store
                        && store.hasCapability("MOVE")) {
                    imap.moveMessages(mails, target);
                } else {
                    // camel-mail expunges the deleted ones when it closes the folder after the poll
                    source.copyMessages(mails, target);
                    source.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
                }
            } catch (MessagingException | RuntimeException e) {
                moved = false;
                getExceptionHandler()
                        .handleException(
                                "Could not move " + mails.length + " mails to " + destination.getKey()
                                        + "; they stay in the inbox and are recognised as taken on the next poll",
                                e);
            }
        }
        return moved;
    }

    @Override
    protected void processExchange(Exchange exchange) {
        Batch current = batch;
        int index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, 0, Integer.class);
        IntakeTurns.Turn turn = current.turns.turn(index);
        exchange.setProperty(IntakeTurns.PROPERTY, turn);
        exchange.setProperty(BATCH, current);
        // The mail's headers are read now, while the poll holds the folder open. camel-mail reads them lazily, and a
        // redelivery copies the message: after a lost IMAP connection (FolderClosedException) that copy would read
        // them from the closed folder, fail inside Camel's reactive executor, which ignores the error, and leave the
        // exchange and the whole poll waiting for ever.
        exchange.getIn().getHeaders();
        current.inFlight.add(executor.submit(() -> {
            try {
                // Stopping: a mail not started stays in the inbox for the next start.
                if (isBatchAllowed()) {
                    ParallelMailConsumer.super.processExchange(exchange);
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                turn.done();
            }
        }));
    }

    @Override
    protected void doStart() throws Exception {
        AtomicInteger number = new AtomicInteger();
        String route = getRouteId();
        executor = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "intake-worker-" + route + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (getEndpoint().getConfiguration().getProtocol().startsWith("imap")) {
            setScheduler(idleScheduler(route));
        }
        super.doStart();
    }

    /** Polls every delay as camel-mail's scheduler does, and at once when IMAP IDLE says a mail arrived. */
    private IdleScheduler idleScheduler(String route) {
        IdleScheduler scheduler = new IdleScheduler(new MailboxIdle(
                getEndpoint().getConfiguration(), sender.getSession(), route, MailboxIdle.DEFAULT_REISSUE));
        scheduler.setInitialDelay(getInitialDelay());
        scheduler.setDelay(getDelay());
        scheduler.setTimeUnit(getTimeUnit());
        scheduler.setUseFixedDelay(isUseFixedDelay());
        return scheduler;
    }

    @Override
    protected void doStop() throws Exception {
        // The workers finish the mails they are reading while the folder is still open; those not started skip.
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
        super.doStop();
    }
}
