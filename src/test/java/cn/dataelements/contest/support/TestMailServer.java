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
 * One real GreenMail IMAP/SMTP server for the whole test JVM. The app under test polls the {@link #USER} account
 * (see {@link IntakeTestEnvironment}); tests that run the app as a separate process give it an account of its own.
 * Mails are delivered as raw bytes, never re-encoded by a sender.
 */
public final class TestMailServer {

    public static final String USER = "submit@contest.local";
    private static final String PASSWORD = "gm-" + UUID.randomUUID();
    private static GreenMail server;

    private TestMailServer() {}

    public static synchronized GreenMail start() {
        if (server == null) {
            server = new GreenMail(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
            server.start();
            server.setUser(USER, USER, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server;
    }

    public static int imapPort() {
        return start().getImap().getPort();
    }

    public static int smtpPort() {
        return start().getSmtp().getPort();
    }

    /** The messages the server received for an address (over SMTP: what the app sent). */
    public static List<MimeMessage> receivedBy(String address) throws MessagingException {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : start().getReceivedMessages()) {
            jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null
                    && java.util.Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                received.add(message);
            }
        }
        return received;
    }

    /** The receipts the app sent to an address: messages to it marked as automatic replies (RFC 3834). */
    public static List<MimeMessage> receiptsTo(String address) throws MessagingException {
        List<MimeMessage> receipts = new ArrayList<>();
        for (MimeMessage message : receivedBy(address)) {
            String[] auto = message.getHeader("Auto-Submitted");
            if (auto != null && auto[0].startsWith("auto-replied")) {
                receipts.add(message);
            }
        }
        return receipts;
    }

    public static String password() {
        return PASSWORD;
    }

    /** Adds a mailbox account (its login is its address) with the shared test password. */
    public static String account(String login) {
        start().setUser(login, login, PASSWORD);
        return login;
    }

    /** Adds a mailbox account with a password of its own. */
    public static String account(String login, String password) {
        start().setUser(login, login, password);
        return login;
    }

    /** Changes an account's password, as an administrator would. */
    public static void changePassword(String login, String password) {
        start().getUserManager().getUser(login).setPassword(password);
    }

    /**
     * Puts the raw bytes into an account's inbox with this INTERNALDATE, the receipt time the app reads (IMAP gives it
     * to the second): several mails of one second, or mails whose received order is not their delivery order.
     */
    public static void deliver(String login, byte[] raw, java.util.Date internalDate) throws MessagingException {
        GreenMailUser user = start().getUserManager().getUser(login);
        try {
            start().getManagers()
                    .getImapHostManager()
                    .getInbox(user)
                    .appendMessage(
                            new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)),
                            new jakarta.mail.Flags(),
                            internalDate);
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new MessagingException("cannot append to the inbox of " + login, e);
        }
    }

    /** Puts the raw bytes into the default account's inbox as they are. */
    public static void deliver(byte[] raw) throws MessagingException {
        deliver(USER, raw);
    }

    /** Puts the raw bytes into an account's inbox as they are. */
    public static void deliver(String login, byte[] raw) throws MessagingException {
        GreenMailUser user = start().getUserManager().getUser(login);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /**
     * Puts the raw bytes into an account's inbox over IMAP itself ({@code APPEND} with a literal), as another mail
     * client or a migration tool would: the server keeps whatever it is given, mail or not. Returns the UID the
     * server gave it.
     */
    public static long append(String login, byte[] raw) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", imapPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
            in.readLine();
            command(out, in, "a LOGIN \"" + login + "\" \"" + PASSWORD + "\"", "a ");
            out.write(("b APPEND INBOX {" + raw.length + "}\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String ready = in.readLine();
            if (ready == null || !ready.startsWith("+")) {
                throw new java.io.IOException("APPEND not accepted: " + ready);
            }
            out.write(raw);
            String done = command(out, in, "", "b ");
            java.util.regex.Matcher uid =
                    java.util.regex.Pattern.compile("APPENDUID \\d+ (\\d+)").matcher(done);
            if (!done.startsWith("b OK") || !uid.find()) {
                throw new java.io.IOException("APPEND failed: " + done);
            }
            command(out, in, "c LOGOUT", "c ");
            return Long.parseLong(uid.group(1));
        }
    }

    /** Sends a command line and reads up to its tagged answer. */
    private static String command(java.io.OutputStream out, java.io.BufferedReader in, String line, String tag)
            throws java.io.IOException {
        out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        for (String answer = in.readLine(); answer != null; answer = in.readLine()) {
            if (answer.startsWith(tag)) {
                return answer;
            }
        }
        throw new java.io.IOException("the server closed the connection after " + line);
    }

    /** Sends the raw bytes to an address through GreenMail's SMTP server, as a team's mail client would. */
    public static void send(String to, byte[] raw) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(smtpPort()));
        Session session = Session.getInstance(smtp);
        MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw));
        // Not Transport.send, which saves changes first and so gives the mail a new Message-ID.
        try (jakarta.mail.Transport smtpTransport = session.getTransport("smtp")) {
            smtpTransport.connect();
            smtpTransport.sendMessage(mail, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(to)});
        }
    }

    /** How many messages a folder of the default account holds (0 when it does not exist yet). */
    public static int messagesIn(String folderName) throws MessagingException {
        return messagesIn(USER, folderName);
    }

    /** How many messages a folder holds (0 when it does not exist yet). */
    public static int messagesIn(String login, String folderName) throws MessagingException {
        Store store = connect(login);
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    /** The folders of the default account (as an IMAP client sees them) that hold a message with this Message-ID. */
    public static List<String> foldersHolding(String messageId) throws MessagingException {
        return foldersHolding(USER, messageId);
    }

    /** The folders, one entry per copy, that hold a message with this Message-ID. */
    public static List<String> foldersHolding(String login, String messageId) throws MessagingException {
        Store store = connect(login);
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

    private static Store connect(String login) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort(), login, PASSWORD);
        return store;
    }
}
