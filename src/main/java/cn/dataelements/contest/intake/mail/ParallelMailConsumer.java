package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.IntakeTurns;
import cn.dataelements.contest.intake.SourceItem;
import cn.dataelements.contest.system.net.NetworkFailures;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.KeyValueHolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-mail's consumer, with the mails of a poll processed by a few workers at once instead of one after another, and
 * the poll returning only when all of them are done: camel-mail moves each mail on the polling session, which it
 * closes after the batch, so every acknowledgement must happen before that. The items keep the batch's order where it
 * matters through {@link IntakeTurns}: reading runs in parallel, joining entries in order. One consumer per folder (two
 * consumers of one folder would take the same mails).
 */
class ParallelMailConsumer extends MailConsumer {

    private static final Logger log = LoggerFactory.getLogger(ParallelMailConsumer.class);

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

    /** Exchange property: the mail itself, for the route's first step; the exchange's message carries nothing of it. */
    static final String MAIL = "intake.mail.message";
    /** Exchange property: the bytes of a raw mail asked for per IMAP command (the route's {@code fetchChunk}). */
    static final String PIECE_SIZE = "intake.mail.pieceSize";

    private final int workers;
    private final JavaMailSender sender;
    private final IntakeAttempts attempts;
    private final IntakeHealth health;
    private final int maxAttempts;
    /** The poll in progress; only the polling thread sets it. */
    private Batch batch;
    /** What failed the poll in progress, caught by camel-mail's poll: thrown again, so the poll strategy sees it. */
    private Exception pollFailure;
    /** Whether the poll in progress told health what waits. */
    private boolean backlogReported;

    private ExecutorService executor;

    ParallelMailConsumer(
            MailEndpoint endpoint, Processor processor, JavaMailSender sender, ParallelMailEndpoint.Settings settings) {
        super(endpoint, processor, sender);
        this.workers = settings.workers();
        this.sender = sender;
        this.attempts = settings.attempts();
        this.health = settings.health();
        this.maxAttempts = settings.maxAttempts();
    }

    /**
     * camel-mail's poll catches what fails inside it and only logs it, so a poll that failed would count as one that
     * worked: here the failure is thrown again, and health shows the route's poll failing with the reason. A poll that
     * found the inbox empty tells health that nothing waits.
     */
    @Override
    protected int poll() throws Exception {
        pollFailure = null;
        backlogReported = false;
        int polled = super.poll();
        if (pollFailure != null) {
            Exception failure = pollFailure;
            pollFailure = null;
            throw failure;
        }
        if (!backlogReported) {
            health.waiting(getRouteId(), 0, null);
        }
        return polled;
    }

    @Override
    protected void handleException(Throwable failure) {
        pollFailure = failure instanceof Exception e ? e : new IllegalStateException(failure);
    }

    /**
     * A mail the route gave up on is not taken again; one the server cannot describe (its flags, say) still goes
     * through the route alone and fails there, counted against it, instead of failing the whole poll and every mail
     * behind it.
     */
    @Override
    protected Exchange createExchange(KeyValueHolder<String, Message> holder) throws MessagingException {
        Message mail = holder.getValue();
        if (attempts.isSkipped(sourceItem(mail).key())) {
            return null;
        }
        try {
            return super.createExchange(holder);
        } catch (Exception e) {
            if (NetworkFailures.isNetwork(e)) {
                throw e; // the connection is lost: the poll fails, and health says why
            }
            log.warn(
                    "{}: mail {} cannot be described by the server ({}); it goes through alone",
                    getRouteId(),
                    holder.getKey(),
                    e.toString());
            Exchange exchange = getEndpoint().createExchange(mail);
            exchange.setProperty(MAIL_MESSAGE_UID, holder.getKey());
            return exchange;
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        reportBacklog(exchanges);
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

    /** A failed mail stays in the inbox as it is; its failure is in the ledger and the log already. */
    @Override
    protected void processRollback(Message mail, Exchange exchange) {
        exchange.removeProperty(MAIL_MESSAGE_UID);
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
                move(mails, destination.getKey());
            } catch (MessagingException | RuntimeException e) {
                log.warn(
                        "{}: could not move {} mails to {} together ({}); moving each alone",
                        getRouteId(),
                        mails.length,
                        destination.getKey(),
                        e.toString());
                // one mail the server will not move must not keep the others in the inbox
                for (Message mail : mails) {
                    moved &= moveAlone(mail, destination.getKey());
                }
            }
        }
        return moved;
    }

    /**
     * Moves one mail; false when it stays in the inbox, recognised as taken at the next poll. A mail that cannot be
     * moved for {@code intake.routes.max-attempts} tries (counted with its failed attempts, so a mail that could not
     * even be quarantined is at once) is skipped: left in the inbox, not taken again, and named in health.
     */
    private boolean moveAlone(Message mail, String destination) {
        try {
            move(new Message[] {mail}, destination);
            return true;
        } catch (MessagingException | RuntimeException e) {
            SourceItem item = sourceItem(mail);
            String reason = "could not be moved to " + (destination.isEmpty() ? "(seen)" : destination) + ": " + e;
            int count = attempts.fail(item.key(), reason);
            log.error("{}: mail {} {} (attempt {})", getRouteId(), item.key(), reason, count);
            if (count >= maxAttempts) {
                attempts.skip(item, reason + ", after " + count + " failed attempts");
            }
            return false;
        }
    }

    /**
     * Flags the mails seen and moves them: {@code MOVE} where the server has it (RFC 6851), copy and flag otherwise.
     * IMAP mails are named by UID, not by their number in the folder: another session (a second reader, a person's
     * mail client) may have removed mails since this poll listed them, and a server that renumbers at once would then
     * apply a numbered command to a mail this poll never read.
     */
    private static void move(Message[] mails, String destination) throws MessagingException {
        Folder source = mails[0].getFolder();
        Folder target = destination.isEmpty() ? null : source.getStore().getFolder(destination);
        if (target != null && !target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        if (source instanceof IMAPFolder imap) {
            ImapByUid.move(imap, mails, target);
            return;
        }
        source.setFlags(mails, new Flags(Flags.Flag.SEEN), true);
        if (target != null) {
            source.copyMessages(mails, target);
            source.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
        }
    }

    /**
     * Tells health what waits in the folder: its mails less those given up on, and the server's receipt time of the
     * oldest mail of this poll (the folder lists mails in the order they arrived).
     */
    private void reportBacklog(Queue<Object> exchanges) {
        backlogReported = true;
        Instant oldest = null;
        Folder folder = null;
        for (Object each : exchanges) {
            Message mail = ((Exchange) each).getIn(MailMessage.class).getOriginalMessage();
            folder = mail.getFolder();
            try {
                Date received = mail.getReceivedDate();
                if (received != null && (oldest == null || received.toInstant().isBefore(oldest))) {
                    oldest = received.toInstant();
                }
            } catch (MessagingException e) {
                // the server cannot say: the mail still waits, its age unknown
            }
        }
        int skipped = attempts.skipped(getRouteId()).size();
        int waiting = exchanges.size();
        try {
            if (folder != null) {
                waiting = Math.max(exchanges.size(), folder.getMessageCount() - skipped);
            }
        } catch (MessagingException e) {
            // the batch itself waits, at least
        }
        health.waiting(getRouteId(), waiting, oldest);
    }

    /** The route's {@code mail.imap.fetchsize}: the piece of a raw mail one command asks for. */
    private int pieceSize() {
        Object configured = getEndpoint()
                .getConfiguration()
                .getAdditionalJavaMailProperties()
                .get("mail.imap.fetchsize");
        try {
            return configured == null ? MailArchiver.DEFAULT_PIECE_SIZE : Integer.parseInt(configured.toString());
        } catch (NumberFormatException e) {
            return MailArchiver.DEFAULT_PIECE_SIZE;
        }
    }

    /** The mail's identity at its source: route, folder, UIDVALIDITY and UID (prefetched with the poll). */
    private SourceItem sourceItem(Message mail) {
        Folder folder = mail.getFolder();
        long uid = -1;
        long uidValidity = -1;
        if (folder instanceof UIDFolder uids) {
            try {
                uidValidity = uids.getUIDValidity();
                uid = uids.getUID(mail);
            } catch (MessagingException e) {
                // the server cannot give its UID: counted under the folder's unknown key
            }
        }
        return new SourceItem(getRouteId(), folder.getFullName(), uidValidity, uid, "");
    }

    @Override
    protected void processExchange(Exchange exchange) {
        Batch current = batch;
        int index = exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, 0, Integer.class);
        IntakeTurns.Turn turn = current.turns.turn(index);
        exchange.setProperty(IntakeTurns.PROPERTY, turn);
        exchange.setProperty(BATCH, current);
        // The exchange carries the mail as a property and an empty message: nothing of a stranger's mail reaches the
        // exchange's headers, and nothing reads them lazily from the server. camel-mail maps them on first use, and a
        // redelivery copies the message: a mail whose headers the server cannot give would fail the poll here, and
        // after a lost connection a copy would read them from the closed folder inside Camel's reactive executor,
        // which ignores the error and leaves the whole poll waiting for ever.
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        exchange.setProperty(MAIL, mail);
        exchange.setProperty(PIECE_SIZE, pieceSize());
        exchange.setProperty(IntakeFailures.SOURCE, sourceItem(mail));
        exchange.setIn(new DefaultMessage(exchange));
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
