package cn.dataelements.contest.intake.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The submission mailbox that {@code routes/submission-mailbox.camel.yaml} polls (prefix {@code intake.mail}).
 * The defaults, in {@code application.yml} (Camel reads them from there too), point at the local GreenMail
 * server that {@code bin/run-local} starts.
 *
 * @param protocol imap or imaps (default imap, for the local server; use imaps for a real one)
 * @param host the IMAP server (default 127.0.0.1)
 * @param port its port (default 3143, GreenMail's IMAP test port)
 * @param username the mailbox account (default submit@contest.local)
 * @param password from {@code INTAKE_MAIL_PASSWORD} only; never in a file in the repository
 * @param folder where submissions arrive (default INBOX)
 * @param processedFolder where a mail goes once indexed (default Processed)
 * @param quarantineFolder where a mail goes whose content cannot be handled (default Quarantine)
 * @param pollDelay milliseconds between polls (default 10000)
 * @param batchSize mails per poll (default 40): read in parallel, so a larger batch keeps the cores busy to its end
 */
@Validated
@ConfigurationProperties("intake.mail")
public record MailProperties(
        @Pattern(regexp = "imaps?", message = "must be imap or imaps")
        String protocol,

        @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @NotBlank String username,
        @NotBlank(message = "set INTAKE_MAIL_PASSWORD") String password,
        @NotBlank String folder,
        @NotBlank String processedFolder,
        @NotBlank String quarantineFolder,
        @Min(100) long pollDelay,
        @Min(1) @Max(500) int batchSize) {

    @Override
    public String toString() {
        return "MailProperties[" + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
