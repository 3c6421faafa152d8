package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.SourceItem;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.springframework.stereotype.Component;

/**
 * First step of the mailbox route: streams the mail's raw RFC 822 bytes, as the server has them, into the archive,
 * with the IMAP facts (folder, UID, UIDVALIDITY, Message-ID, INTERNALDATE as the received time).
 */
@Component
class MailArchiver {

    static final String CHANNEL = "mail";

    private final SubmissionArchive archive;

    MailArchiver(SubmissionArchive archive) {
        this.archive = archive;
    }

    public ArchivedSubmission archive(Exchange exchange) throws MessagingException, IOException {
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        // Strangers' headers never reach the exchange: the Camel message is replaced by an empty one before anything
        // asks for its headers (which would also cost camel-mail a round trip to the server to copy them all).
        exchange.setIn(new DefaultMessage(exchange));
        Folder folder = mail.getFolder();
        long uid = folder instanceof UIDFolder uids ? uids.getUID(mail) : -1;
        long uidValidity = folder instanceof UIDFolder uids ? uids.getUIDValidity() : -1;
        String[] ids = mail.getHeader("Message-ID");
        String messageId = ids == null || ids.length == 0 ? "" : ids[0].trim();
        exchange.setProperty(
                IntakeFailures.SOURCE,
                new SourceItem(exchange.getFromRouteId(), folder.getFullName(), uidValidity, uid, messageId));
        Instant received = mail.getReceivedDate() == null
                ? Instant.now()
                : mail.getReceivedDate().toInstant();
        ReceivedFacts facts = new ReceivedFacts(
                CHANNEL, exchange.getFromRouteId(), folder.getFullName(), uid, uidValidity, messageId, received);
        return archive.store(mail::writeTo, facts);
    }
}
