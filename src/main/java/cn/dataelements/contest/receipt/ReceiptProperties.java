package cn.dataelements.contest.receipt;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Receipts to teams (prefix {@code intake.receipts}). The defaults send to the local GreenMail SMTP port that
 * {@code bin/run-local} starts, so a local run shows receipts without any set-up; production points them at the real
 * submission server.
 *
 * @param enabled send receipts at all (default true: the local run has an SMTP server to send to)
 * @param protocol smtp or smtps (default smtp)
 * @param host the SMTP server (default 127.0.0.1)
 * @param port its port (default 3025, GreenMail's SMTP test port)
 * @param startTls require STARTTLS on a plain smtp connection (default false; true for a real server on port 587)
 * @param username SMTP login, or empty for none (default empty)
 * @param password from {@code INTAKE_RECEIPTS_PASSWORD} only; never in a file in the repository
 * @param from the sender address of every receipt (default noreply@contest.local)
 * @param fromName the sender's display name (default 数据要素×大赛威海选拔赛组委会)
 * @param subjectPrefix put before every subject (default 【数据要素×大赛威海选拔赛】)
 * @param maxPerRecipient at most this many receipts to one address per {@code ratePeriod} (default 5)
 * @param ratePeriod the window of the rate limit (default 1h)
 * @param maxPerHour at most this many receipts sent in any hour, to all addresses together, so a deadline-day rush
 *     stays within what the SMTP server allows; a receipt over the cap waits in the outbox and goes later (default 600)
 * @param flushEvery how often receipts still in the outbox are tried again (default 30s)
 * @param timeout SMTP connect, read and write timeout (default 10s)
 */
@Validated
@ConfigurationProperties("intake.receipts")
public record ReceiptProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("smtp") @Pattern(regexp = "smtps?", message = "must be smtp or smtps")
        String protocol,

        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("3025") @Min(1) @Max(65535) int port,
        @DefaultValue("false") boolean startTls,
        @DefaultValue("") String username,
        @DefaultValue("") String password,

        @DefaultValue("noreply@contest.local") @NotBlank @Email
        String from,

        @DefaultValue("数据要素×大赛威海选拔赛组委会") String fromName,
        @DefaultValue("【数据要素×大赛威海选拔赛】") String subjectPrefix,
        @DefaultValue("5") @Min(1) int maxPerRecipient,
        @DefaultValue("1h") @NotNull Duration ratePeriod,
        @DefaultValue("600") @Min(1) int maxPerHour,
        @DefaultValue("30s") @NotNull Duration flushEvery,
        @DefaultValue("10s") @NotNull Duration timeout) {

    @Override
    public String toString() {
        return "ReceiptProperties[" + (enabled ? "enabled" : "disabled") + ", " + protocol + "://" + username + "@"
                + host + ":" + port + ", from " + from + "]";
    }
}
