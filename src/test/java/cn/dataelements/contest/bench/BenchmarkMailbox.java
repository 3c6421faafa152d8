package cn.dataelements.contest.bench;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * The benchmark's side of the mail server: puts mails in by IMAP APPEND (as a server delivers them) or sends them by
 * SMTP (as a team does), and empties the Processed folder, since GreenMail keeps every mail in its heap.
 */
final class BenchmarkMailbox implements AutoCloseable {

    private interface StoreCall {
        void call(Store store) throws MessagingException;
    }

    private final Session session;
    private final int imapPort;
    private final String user;
    private final String password;
    private Store store;

    BenchmarkMailbox(int imapPort, int smtpPort, String user, String password) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        // as the app's mailbox route asks for a raw mail
        properties.put("mail.imap.fetchsize", Integer.toString(4 * 1024 * 1024));
        session = Session.getInstance(properties);
        this.imapPort = imapPort;
        this.user = user;
        this.password = password;
        connect();
    }

    private void connect() throws MessagingException {
        store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
    }

    /** Runs the call, once more on a new connection if the server dropped this one (GreenMail does, now and then). */
    private void withStore(StoreCall call) throws MessagingException {
        try {
            if (!store.isConnected()) {
                connect();
            }
            call.call(store);
        } catch (StoreClosedException | FolderClosedException e) {
            connect();
            call.call(store);
        }
    }

    void append(byte[] raw) throws MessagingException {
        append("INBOX", raw);
    }

    /** Appends the mail to the folder, made first when missing. */
    void append(String folder, byte[] raw) throws MessagingException {
        MimeMessage[] mail = {new MimeMessage(session, new ByteArrayInputStream(raw))};
        withStore(s -> {
            Folder f = s.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            f.appendMessages(mail);
        });
    }

    /** Fetches the raw bytes of every {@code parts}-th mail of the folder from the {@code part}-th on, to nowhere. */
    long fetchRaw(String folder, int part, int parts) throws MessagingException {
        long[] bytes = {0};
        withStore(s -> {
            Folder f = s.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                Message[] all = f.getMessages();
                for (int i = part; i < all.length; i += parts) {
                    CountingOutputStream out = new CountingOutputStream();
                    all[i].writeTo(out);
                    bytes[0] += out.count;
                }
            } catch (java.io.IOException e) {
                throw new MessagingException("Could not read a mail of " + folder, e);
            } finally {
                f.close(false);
            }
        });
        return bytes[0];
    }

    private static final class CountingOutputStream extends java.io.OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Sends the mail to the mailbox by SMTP, as it is (Transport.send would give it a new Message-ID). */
    void send(byte[] raw) throws MessagingException {
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            smtp.sendMessage(
                    new MimeMessage(session, new ByteArrayInputStream(raw)), new Address[] {new InternetAddress(user)});
        }
    }

    /** Deletes every mail in the folder. */
    void empty(String folder) throws MessagingException {
        withStore(s -> {
            Folder f = s.getFolder(folder);
            if (!f.exists()) {
                return;
            }
            f.open(Folder.READ_WRITE);
            try {
                Message[] all = f.getMessages();
                if (all.length > 0) {
                    f.setFlags(all, new Flags(Flags.Flag.DELETED), true);
                }
            } finally {
                f.close(true);
            }
        });
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
