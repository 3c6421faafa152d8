package cn.dataelements.contest.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * One real GreenMail IMAP/SMTP server for the whole test JVM, with the submission mailbox's account; the app under
 * test is pointed at it by {@link IntakeTestEnvironment}. Mails are delivered as raw bytes, never re-encoded by a sender.
 */
public final class TestMailServer {

    public static final String USER = "submit@contest.local";
    private static final String PASSWORD = "gm-" + UUID.randomUUID();
    private static GreenMail server;
    private static GreenMailUser user;

    private TestMailServer() {}

    public static synchronized GreenMail start() {
        if (server == null) {
            server = new GreenMail(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
            server.start();
            user = server.setUser(USER, USER, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server;
    }

    public static int imapPort() {
        return start().getImap().getPort();
    }

    public static String password() {
        return PASSWORD;
    }

    /** Puts the raw bytes into the inbox as they are. */
    public static void deliver(byte[] raw) throws MessagingException {
        start();
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** How many messages a folder holds (0 when it does not exist yet). */
    public static int messagesIn(String folderName) throws MessagingException {
        Store store = connect();
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    private static Store connect() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort(), USER, PASSWORD);
        return store;
    }

    /** The folders (as an IMAP client sees them) that hold a message with this Message-ID. */
    public static List<String> foldersHolding(String messageId) throws MessagingException {
        Store store = connect();
        try {
            List<String> found = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                folder.open(Folder.READ_ONLY);
                for (Message message : folder.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && ids[0].trim().equals(messageId)) {
                        found.add(folder.getFullName());
                    }
                }
                folder.close(false);
            }
            return found;
        } finally {
            store.close();
        }
    }
}
