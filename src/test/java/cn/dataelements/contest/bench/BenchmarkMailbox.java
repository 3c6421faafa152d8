package cn.dataelements.contest.bench;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The benchmark's side of the mailbox: puts the mails in by IMAP APPEND and counts what is in each folder. */
final class BenchmarkMailbox implements AutoCloseable {

    private final Session session = Session.getInstance(new Properties());
    private final Store store;

    BenchmarkMailbox(int port, String user, String password) throws MessagingException {
        store = session.getStore("imap");
        store.connect("127.0.0.1", port, user, password);
    }

    /** Appends each mail to the inbox, one APPEND each as a mail server delivers them; returns when each went in. */
    Map<String, Instant> append(List<BenchmarkMails.Mail> mails) throws MessagingException {
        Map<String, Instant> appended = new LinkedHashMap<>();
        Folder inbox = store.getFolder("INBOX");
        for (BenchmarkMails.Mail mail : mails) {
            inbox.appendMessages(new MimeMessage[] {new MimeMessage(session, new ByteArrayInputStream(mail.bytes()))});
            appended.put(mail.messageId(), Instant.now());
        }
        return appended;
    }

    int count(String folder) throws MessagingException {
        Folder f = store.getFolder(folder);
        return f.exists() ? f.getMessageCount() : 0;
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
