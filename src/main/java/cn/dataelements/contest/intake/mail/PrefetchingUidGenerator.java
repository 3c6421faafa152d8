package cn.dataelements.contest.intake.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.springframework.stereotype.Component;

/**
 * The mailbox route's key for a mail ({@code mailUidGenerator=#intakeMailUid}): its IMAP UID. camel-mail asks for
 * the key of each mail of a poll in turn, and its own generator reads each mail's Message-ID header with a round trip
 * of its own; here the first question of a poll fetches, in one command, what the route needs of the next mails
 * (UID, flags, envelope with INTERNALDATE and size, Message-ID), which Jakarta Mail then keeps with each message.
 */
@Component("intakeMailUid")
class PrefetchingUidGenerator implements MailUidGenerator {

    /** How many mails one prefetch covers: more than a poll takes, so one command serves a poll. */
    static final int WINDOW = 100;

    /**
     * The message objects already prefetched. Keyed by the objects themselves, not by numbers: camel-mail closes the
     * folder after each poll, and the next poll's objects (renumbered after the moves) know nothing yet.
     */
    private final Map<Message, Boolean> prefetched = new WeakHashMap<>();

    @Override
    public synchronized String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        try {
            prefetch(folder, message);
            if (folder instanceof UIDFolder uids) {
                return uids.getUIDValidity() + "/" + uids.getUID(message);
            }
        } catch (MessagingException e) {
            // the key only names the mail within this poll: its number does that too
        }
        return Integer.toString(message.getMessageNumber());
    }

    private void prefetch(Folder folder, Message message) throws MessagingException {
        if (prefetched.containsKey(message)) {
            return;
        }
        int number = message.getMessageNumber();
        int last = Math.min(folder.getMessageCount(), number + WINDOW - 1);
        Message[] window = last < number ? new Message[] {message} : folder.getMessages(number, last);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add("Message-ID");
        folder.fetch(window, profile);
        for (Message each : window) {
            prefetched.put(each, Boolean.TRUE);
        }
    }
}
