package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.SourceItem;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * First step of the mailbox route: streams the mail's raw RFC 822 bytes, as the server has them, into the archive,
 * with the IMAP facts (folder, UID, UIDVALIDITY, Message-ID, INTERNALDATE as the received time).
 */
@Component
class MailArchiver {

    static final String CHANNEL = "mail";

    /** Bytes asked for per IMAP command when the route does not say (its {@code fetchChunk}). */
    static final int DEFAULT_PIECE_SIZE = 4 << 20;

    private final SubmissionArchive archive;

    MailArchiver(SubmissionArchive archive) {
        this.archive = archive;
    }

    public ArchivedSubmission archive(Exchange exchange) throws MessagingException, IOException {
        // The consumer hands the mail over as a property: the exchange's message carries nothing of it.
        Message mail = exchange.getProperty(ParallelMailConsumer.MAIL, Message.class);
        SourceItem known = exchange.getProperty(IntakeFailures.SOURCE, SourceItem.class);
        String messageId = messageId(mail);
        SourceItem source = new SourceItem(known.route(), known.folder(), known.uidValidity(), known.uid(), messageId);
        exchange.setProperty(IntakeFailures.SOURCE, source);
        Instant received = mail.getReceivedDate() == null
                ? Instant.now()
                : mail.getReceivedDate().toInstant();
        ReceivedFacts facts = new ReceivedFacts(
                CHANNEL,
                exchange.getFromRouteId(),
                source.folder(),
                source.uid(),
                source.uidValidity(),
                messageId,
                received);
        int pieceSize = exchange.getProperty(ParallelMailConsumer.PIECE_SIZE, DEFAULT_PIECE_SIZE, Integer.class);
        return archive.store(out -> ImapBytes.copy(mail, pieceSize, out), facts);
    }

    /**
     * The Message-ID as sent, or empty: a server that cannot give a mail's headers may still give its bytes, and the
     * archived bytes are what decides whether it is a mail at all.
     */
    private static String messageId(Message mail) {
        try {
            String[] ids = mail.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? "" : ids[0].trim();
        } catch (MessagingException e) {
            return "";
        }
    }
}
