package cn.dataelements.contest.alert;

import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.receipt.ReceiptProperties;
import cn.dataelements.contest.receipt.ReceiptSender;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says an incident's start and end to the organizers: a mail to {@code intake.alerts.mail-to} through the receipts'
 * SMTP server, and a POST to {@code intake.alerts.webhook-url} in its format (one generic JSON object, or the text
 * message of a 企业微信 or 钉钉 group robot). A failure to send is logged, never thrown: the incident stays recorded.
 */
@Component
public class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SourceTimes.BEIJING);

    private final AlertProperties properties;
    private final ReceiptProperties smtp;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AlertNotifier(AlertProperties properties, ReceiptProperties smtp, ObjectMapper json) {
        this.properties = properties;
        this.smtp = smtp;
        this.json = json;
    }

    void started(Alerts.Incident incident) {
        send(
                "【告警】" + incident.title(),
                incident.detail() + "\n开始于 " + MINUTES.format(incident.startedAt()) + "（北京时间）",
                incident,
                "start");
    }

    void ended(Alerts.Incident incident) {
        send(
                "【恢复】" + incident.title(),
                "已恢复：" + incident.detail() + "\n" + MINUTES.format(incident.startedAt()) + " 至 "
                        + MINUTES.format(incident.endedAt()) + "（北京时间）",
                incident,
                "end");
    }

    private void send(String subject, String text, Alerts.Incident incident, String event) {
        if (!properties.mailTo().isEmpty()) {
            try {
                mail(subject, text);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                log.warn("Alert mail '{}' could not be sent: {}", incident.key(), e.toString());
            }
        }
        if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
            try {
                webhook(subject, text, incident, event);
            } catch (Exception e) {
                log.warn(
                        "Alert webhook for '{}' failed: {}",
                        incident.key(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void mail(String subject, String text) throws MessagingException, UnsupportedEncodingException {
        ReceiptSender sender = new ReceiptSender(smtp);
        MimeMessage message = new MimeMessage(sender.session());
        message.setFrom(new InternetAddress(smtp.from(), smtp.fromName(), StandardCharsets.UTF_8.name()));
        for (String to : properties.mailTo()) {
            if (!to.isBlank()) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            }
        }
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-generated");
        sender.send(message);
    }

    private void webhook(String subject, String text, Alerts.Incident incident, String event) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (properties.webhookFormat()) {
            case "wecom", "dingtalk" -> {
                body.put("msgtype", "text");
                body.put("text", Map.of("content", subject + "\n" + text));
            }
            default -> {
                body.put("event", event);
                body.put("key", incident.key());
                body.put("title", incident.title());
                body.put("detail", incident.detail());
                body.put("startedAt", incident.startedAt().toString());
                body.put(
                        "endedAt",
                        incident.endedAt() == null ? null : incident.endedAt().toString());
            }
        }
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            log.warn("Alert webhook for '{}' answered {}", incident.key(), answer.statusCode());
        }
    }
}
