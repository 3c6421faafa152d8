package cn.dataelements.contest.intake.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mail.MailConfiguration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a mailbox folder with IMAP IDLE (RFC 2177) on a connection of its own, and says when a mail arrives, so the
 * route takes it at once instead of at its next poll. The IDLE is re-issued every {@link #DEFAULT_REISSUE}, within the
 * 29 minutes after which a server may drop it. A lost connection is re-opened with a growing pause (the poll delay
 * takes mail meanwhile); a server without IDLE is left to the poll delay alone.
 */
final class MailboxIdle {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxIdle.class);

    static final Duration DEFAULT_REISSUE = Duration.ofMinutes(25);
    private static final long FIRST_PAUSE_MS = 1_000;
    private static final long LONGEST_PAUSE_MS = 60_000;

    private final MailConfiguration configuration;
    private final Session session;
    private final String name;
    private final Duration reissue;
    private volatile boolean running;
    private volatile Store connection;
    private volatile IMAPFolder watched;
    private Thread watcher;
    private ScheduledExecutorService reissuer;

    MailboxIdle(MailConfiguration configuration, Session session, String name, Duration reissue) {
        this.configuration = configuration;
        this.session = session;
        this.name = name;
        this.reissue = reissue;
    }

    /** Starts watching; {@code onArrival} runs on Jakarta Mail's event thread, and once after each (re)connection. */
    synchronized void start(Runnable onArrival) {
        if (running) {
            return;
        }
        running = true;
        watcher = new Thread(() -> watch(onArrival), "intake-idle-" + name);
        watcher.setDaemon(true);
        watcher.start();
        reissuer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "intake-idle-reissue-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long every = reissue.toMillis();
        reissuer.scheduleAtFixedRate(this::endIdle, every, every, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        running = false;
        if (reissuer != null) {
            reissuer.shutdownNow();
        }
        closeQuietly(connection);
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watch(Runnable onArrival) {
        long pause = FIRST_PAUSE_MS;
        while (running) {
            Store store = null;
            try {
                store = session.getStore(configuration.getProtocol());
                connection = store;
                PasswordAuthentication login = configuration.getPasswordAuthentication();
                store.connect(
                        configuration.getHost(), configuration.getPort(), login.getUserName(), login.getPassword());
                if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                    LOG.info("Mailbox route {}: the server has no IMAP IDLE; mails are taken at each poll", name);
                    return;
                }
                IMAPFolder folder = (IMAPFolder) store.getFolder(configuration.getFolderName());
                folder.open(Folder.READ_ONLY);
                folder.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent e) {
                        onArrival.run();
                    }
                });
                watched = folder;
                LOG.info("Mailbox route {}: watching {} with IMAP IDLE", name, configuration.getFolderName());
                onArrival.run();
                pause = FIRST_PAUSE_MS;
                while (running && folder.isOpen()) {
                    // Returns when another thread uses the folder (the re-issue) or the connection ends.
                    folder.idle(false);
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    LOG.warn(
                            "Mailbox route {}: IMAP IDLE lost ({}); mails are taken at each poll until it is back,"
                                    + " trying again in {} s",
                            name,
                            e.getMessage(),
                            pause / 1000);
                }
            } finally {
                watched = null;
                closeQuietly(store);
            }
            if (!sleep(pause)) {
                return;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    /** Ends the current IDLE with a command on the folder; the watcher then issues a fresh one. */
    private void endIdle() {
        IMAPFolder folder = watched;
        if (folder == null) {
            return;
        }
        try {
            folder.getMessageCount();
        } catch (MessagingException | RuntimeException e) {
            // the watcher sees the same failure and reconnects
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a connection that is already gone
        }
    }
}
