package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeErrorHandling;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.receipt.ReceiptFlusher;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.DefaultAuthenticator;
import org.apache.camel.component.mail.MailAuthenticator;
import org.springframework.stereotype.Component;

/**
 * Route template {@value #ID}: polls one IMAP(S) folder, archives each mail's raw bytes first, then reads the
 * archived copy and takes it in; camel-mail moves the mail to the processed folder only after the submission was
 * indexed, or to the quarantine folder when its content cannot be handled. Instantiated from a
 * {@code routes/*.camel.yaml} file; see {@code routes/submission-mailbox.camel.yaml}.
 */
@Component
class MailboxRouteTemplate extends RouteBuilder {

    static final String ID = "mailbox";

    @Override
    public void configure() {
        routeTemplate(ID)
                .templateParameter("protocol", "imaps", "imap or imaps")
                .templateParameter("host", null, "the IMAP server")
                .templateParameter("port", null, "the IMAP server's port")
                .templateParameter("username", null, "the mailbox account")
                .templateParameter("password", null, "the account's password; pass a placeholder, never a literal")
                .templateParameter("folder", "INBOX", "the folder submissions arrive in")
                .templateParameter("processedFolder", "Processed", "where a mail goes once it is indexed")
                .templateParameter(
                        "quarantineFolder", "Quarantine", "where a mail goes whose content cannot be handled")
                .templateParameter("pollDelay", "30000", "milliseconds between polls of an inbox with nothing left")
                .templateParameter(
                        "batchSize", "40", "mails taken per poll, read in parallel; a poll holds only their headers")
                .templateParameter(
                        "fetchChunk",
                        "4194304",
                        "bytes of a raw mail asked for per IMAP command; a worker holds one such piece at a time")
                // The password never enters the endpoint URI, where characters such as ")&" end a RAW() value: the
                // route's own authenticator carries it.
                .templateBean(
                        "authenticator",
                        MailAuthenticator.class,
                        rtc -> new DefaultAuthenticator(resolved(rtc, "username"), resolved(rtc, "password")))
                // unseen=false: an organizer may have opened a mail in webmail before we polled.
                // mapMailMessage=false: we archive the raw bytes and walk them ourselves.
                // greedy=true: a poll that took mail polls again at once, so a backlog (the deadline rush) drains in
                // batches without waiting pollDelay after each; the delay applies once the inbox is empty.
                // pollStrategy: tells health when the mailbox cannot be polled at all (login, server, folder).
                // mailUidGenerator: one IMAP command per poll for what the route needs of its mails, not one each.
                // mail.imap.fetchsize: a raw mail comes in pieces of fetchChunk (4 MB), not 16 KB ones: a round trip
                // each, and some servers (GreenMail among them) render the whole mail again for every piece.
                // intake-mail: camel-mail's endpoint whose consumer reads a poll's mails on several workers.
                .from(
                        "intake-mail:{{protocol}}://{{host}}:{{port}}?username={{username}}&authenticator=#{{authenticator}}"
                                + "&folderName={{folder}}&unseen=false&peek=true&delete=false&mapMailMessage=false"
                                + "&maxMessagesPerPoll={{batchSize}}&fetchSize={{batchSize}}&delay={{pollDelay}}&greedy=true"
                                + "&moveTo={{processedFolder}}&connectionTimeout=30000&pollStrategy=#intakePollStrategy"
                                + "&mailUidGenerator=#intakeMailUid&mail.imap.fetchsize={{fetchChunk}}")
                .routeConfigurationId(IntakeErrorHandling.ID)
                .setProperty(IntakeFailures.QUARANTINE_FOLDER, constant("{{quarantineFolder}}"))
                .bean(MailArchiver.class, "archive")
                .bean(SubmissionIntake.class, "take")
                .bean(ReceiptFlusher.class, "wake");
    }

    /** A parameter's value as the route file gave it, its placeholders ({{intake.mail.password}}) resolved. */
    private static String resolved(RouteTemplateContext rtc, String name) {
        String value = rtc.getProperty(name, String.class);
        return value == null ? null : rtc.getCamelContext().resolvePropertyPlaceholders(value);
    }
}
