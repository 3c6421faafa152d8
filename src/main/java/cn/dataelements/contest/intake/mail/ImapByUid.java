package cn.dataelements.contest.intake.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * Flags and moves mails with {@code UID} commands. Jakarta Mail's own {@code setFlags}, {@code copyMessages} and
 * {@code moveMessages} name mails by their sequence numbers, which are only right while no other session removed a
 * mail before them; a UID names the same mail whatever happened in between, and a mail already gone is simply not
 * touched.
 */
final class ImapByUid {

    private ImapByUid() {}

    /** Flags the mails seen, then moves them to the target ({@code MOVE} or copy and flag deleted); null to stay. */
    static void move(IMAPFolder folder, Message[] mails, Folder target) throws MessagingException {
        long[] uids = new long[mails.length];
        for (int i = 0; i < mails.length; i++) {
            uids[i] = folder.getUID(mails[i]);
        }
        // only those still in the folder: another session may have moved some since this poll listed them, and a
        // server may refuse a UID command naming a mail that is gone (GreenMail drops the connection)
        long[] present =
                (long[]) folder.doCommand(protocol -> present(protocol, UIDSet.toString(UIDSet.createUIDSets(uids))));
        if (present.length == 0) {
            return;
        }
        String set = UIDSet.toString(UIDSet.createUIDSets(present));
        run(folder, "UID STORE " + set + " +FLAGS.SILENT (\\Seen)", null);
        if (target == null) {
            return;
        }
        Argument mailbox = new Argument();
        mailbox.writeString(BASE64MailboxEncoder.encode(target.getFullName()));
        if (folder.getStore() instanceof IMAPStore store && store.hasCapability("MOVE")) {
            run(folder, "UID MOVE " + set, mailbox);
        } else {
            // camel-mail expunges the deleted ones when it closes the folder after the poll
            run(folder, "UID COPY " + set, mailbox);
            run(folder, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
        }
    }

    /** The UIDs of the set that the folder still holds, in order. */
    private static long[] present(IMAPProtocol protocol, String set) throws ProtocolException {
        Response[] answers = protocol.command("UID SEARCH UID " + set, null);
        protocol.notifyResponseHandlers(answers);
        protocol.handleResult(answers[answers.length - 1]);
        List<Long> found = new ArrayList<>();
        for (Response answer : answers) {
            if (answer instanceof IMAPResponse search && search.keyEquals("SEARCH")) {
                for (long uid = search.readLong(); uid >= 0; uid = search.readLong()) {
                    found.add(uid);
                }
            }
        }
        return found.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void run(IMAPFolder folder, String command, Argument args) throws MessagingException {
        folder.doCommand(protocol -> run(protocol, command, args));
    }

    private static Object run(IMAPProtocol protocol, String command, Argument args) throws ProtocolException {
        Response[] answers = protocol.command(command, args);
        protocol.notifyResponseHandlers(answers);
        protocol.handleResult(answers[answers.length - 1]);
        return null;
    }
}
