package cn.dataelements.contest.alert;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts to the organizers (prefix {@code intake.alerts}). Checked at start: a wrong address or a webhook that is not
 * https stops the start with a message naming the setting.
 *
 * @param enabled evaluate the rules at all (default true)
 * @param mailTo the organizers' addresses; alerts go out through the receipts' SMTP server (default none)
 * @param webhookUrl a webhook that gets each alert too, https only; its key is part of the URL, so set it from the
 *     environment ({@code INTAKE_ALERTS_WEBHOOK_URL}), never in a file (default none)
 * @param webhookFormat {@code generic} (one JSON object), {@code wecom} (企业微信 group robot) or {@code dingtalk} (钉钉
 *     group robot) (default generic)
 * @param evaluateEvery how often the rules are evaluated (default 1 minute)
 * @param minFreeDisk the share of the data folder's file system that must stay free (default 0.10)
 */
@Validated
@ConfigurationProperties("intake.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") @NotNull List<@Email(message = "must be an e-mail address") String> mailTo,
        @DefaultValue("") String webhookUrl,

        @DefaultValue("generic")
        @Pattern(regexp = "generic|wecom|dingtalk", message = "must be generic, wecom or dingtalk")
        String webhookFormat,

        @DefaultValue("1m") @NotNull Duration evaluateEvery,

        @DefaultValue("0.10") @DecimalMin("0") @DecimalMax("1")
        double minFreeDisk) {

    /** A webhook's key travels in its URL: only over https. */
    @AssertTrue(message = "intake.alerts.webhook-url must be an https:// URL (its key is part of it)")
    public boolean isWebhookHttps() {
        return webhookUrl == null || webhookUrl.isBlank() || webhookUrl.startsWith("https://");
    }
}
