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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailConsumer;
import org.apache.camel.component.mail.MailEndpoint;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * camel-mail's consumer, with the mails of a poll processed by a few workers at once instead of one after another, and
 * the poll returning only when all of them are done: camel-mail moves each mail on the polling session, which it
 * closes after the batch, so every acknowledgement must happen before that. The items keep the batch's order where it
 * matters through {@link IntakeTurns}: reading runs in parallel, joining entries in order. One consumer per folder (two
 * consumers of one folder would take the same mails).
 */
class ParallelMailConsumer extends MailConsumer {

    private final int workers;
    private final JavaMailSender sender;
    private final List<Future<?>> inFlight = new ArrayList<>();
    /** The mails whose exchanges completed, by the folder each goes to ("" to stay where it is). */
    private final Map<String, List<Message>> acknowledged = new LinkedHashMap<>();

    private IntakeTurns turns;
    private ExecutorService executor;

    ParallelMailConsumer(MailEndpoint endpoint, Processor processor, JavaMailSender sender, int workers) {
        super(endpoint, processor, sender);
        this.workers = workers;
        this.sender = sender;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        turns = new IntakeTurns();
        inFlight.clear();
        int total = super.processBatch(exchanges);
        for (Future<?> item : inFlight) {
            try {
                item.get();
            } catch (ExecutionException e) {
                // the exchange carries its own failure; its completion has run
            }
        }
        inFlight.clear();
        acknowledge();
        return total;
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
        String moveTo = exchange.getIn()
                .getHeader(
                        MailConstants.MAIL_MOVE_TO,
                        getEndpoint().getConfiguration().getMoveTo(),
                        String.class);
        synchronized (acknowledged) {
            acknowledged
                    .computeIfAbsent(moveTo == null ? "" : moveTo, k -> new ArrayList<>())
                    .add(mail);
        }
    }

    private void acknowledge() {
        Map<String, List<Message>> batch;
        synchronized (acknowledged) {
            batch = new LinkedHashMap<>(acknowledged);
            acknowledged.clear();
        }
        for (Map.Entry<String, List<Message>> destination : batch.entrySet()) {
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
                if (source instanceof IMAPFolder imap) {
                    imap.moveMessages(mails, target);
                } else {
                    source.copyMessages(mails, target);
                    source.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
                }
            } catch (MessagingException e) {
                getExceptionHandler()
                        .handleException(
                                "Could not move " + mails.length + " mails to " + destination.getKey()
                                        + "; they stay in the inbox and are recognised as taken on the next poll",
                                e);
            }
        }
    }

    @Override
    protected void processExchange(Exchange exchange) {
        int index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, 0, Integer.class);
        IntakeTurns.Turn turn = turns.turn(index);
        exchange.setProperty(IntakeTurns.PROPERTY, turn);
        inFlight.add(executor.submit(() -> {
            try {
                ParallelMailConsumer.super.processExchange(exchange);
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
        super.doStop();
        if (executor != null) {
            executor.shutdown();
        }
    }
}
