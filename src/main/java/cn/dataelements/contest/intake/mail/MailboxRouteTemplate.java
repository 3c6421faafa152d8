package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeErrorHandling;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.intake.routes.IntakeRouteTemplate;
import cn.dataelements.contest.intake.routes.ParameterSpec;
import cn.dataelements.contest.intake.routes.RouteTemplateSpec;
import cn.dataelements.contest.receipt.ReceiptFlusher;
import java.util.List;
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
class MailboxRouteTemplate extends RouteBuilder implements IntakeRouteTemplate {

    static final String ID = "mailbox";

    private static final String FOLDER = "[\\p{L}\\p{N}._/-]{1,100}";

    /** Every parameter, with the pattern its value must match before it is placed in the endpoint URI. */
    static final RouteTemplateSpec SPEC = new RouteTemplateSpec(
            ID,
            List.of(
                    ParameterSpec.of("protocol", "imaps", "imaps", "imaps?", "imap or imaps"),
                    ParameterSpec.of(
                            "host",
                            null,
                            "imap.example.cn",
                            ParameterSpec.HOST,
                            "the IMAP server: a host name or an IPv4 address"),
                    ParameterSpec.of("port", null, "993", "[0-9]{1,5}", "the IMAP server's port"),
                    ParameterSpec.of(
                            "username",
                            null,
                            "submit@example.cn",
                            "[A-Za-z0-9._@-]{1,254}",
                            "the mailbox account: letters, digits and . _ @ -"),
                    ParameterSpec.secret("password", "the account's password"),
                    ParameterSpec.of("folder", "INBOX", "INBOX", FOLDER, "the folder submissions arrive in"),
                    ParameterSpec.of(
                            "processedFolder",
                            "Processed",
                            "Processed",
                            FOLDER,
                            "where a mail goes once it is indexed"),
                    ParameterSpec.of(
                            "quarantineFolder",
                            "Quarantine",
                            "Quarantine",
                            FOLDER,
                            "where a mail goes whose content cannot be handled"),
                    ParameterSpec.of(
                            "pollDelay",
                            "30000",
                            "10000",
                            "[0-9]{3,9}",
                            "milliseconds between polls when IMAP IDLE is not available"),
                    ParameterSpec.of(
                            "batchSize",
                            "40",
                            "40",
                            "[1-9][0-9]{0,2}",
                            "mails taken per poll, read in parallel; a poll holds only their headers"),
                    ParameterSpec.of(
                            "fetchChunk",
                            "4194304",
                            "4194304",
                            "[0-9]{4,9}",
                            "bytes of a raw mail asked for per IMAP command; a worker holds one such piece at a time")));

    @Override
    public RouteTemplateSpec spec() {
        return SPEC;
    }

    @Override
    public void configure() {
        SPEC.declare(routeTemplate(ID))
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

    /** A parameter's value, as {@code RouteFiles} resolved and checked it: not resolved again (a password may hold "{{"). */
    private static String resolved(RouteTemplateContext rtc, String name) {
        return rtc.getProperty(name, String.class);
    }
}
