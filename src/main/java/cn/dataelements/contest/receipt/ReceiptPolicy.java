package cn.dataelements.contest.receipt;

import cn.dataelements.contest.intake.mail.ParsedMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a mail gets a receipt and to which address. Mail that looks automatic gets none (RFC 3834 and the
 * headers real auto-responders and list servers set), so a receipt never answers a bounce, an out-of-office reply, a
 * mailing list or another robot. The recipient is the first valid Reply-To address, else the From address: Reply-To
 * is where the sender asked replies to go (RFC 5322 3.6.2), e.g. a contact person's own address when the work is
 * sent from a shared unit mailbox. Either header can be forged; the per-address rate limit bounds the harm.
 */
final class ReceiptPolicy {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPolicy.class);
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");
    private static final Set<String> ROBOT_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> SUPPRESSING = Set.of("all", "autoreply");
    private static final Pattern ADDRESS =
            Pattern.compile("[^\\s<>@\"',;:()\\[\\]]+@[^\\s<>@\"',;:()\\[\\]]+\\.[a-z]+");

    private final Set<String> ownAddresses;

    /** ownAddresses: our own sender and mailbox addresses, never answered, so two of our systems cannot loop. */
    ReceiptPolicy(Set<String> ownAddresses) {
        this.ownAddresses =
                ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The address to send the receipt to, or empty when the mail gets none. */
    Optional<String> shouldReply(ParsedMail mail) {
        String automatic = automaticReason(mail);
        if (automatic != null) {
            log.info("No receipt for mail {}: it looks automatic ({})", mail.messageId(), automatic);
            return Optional.empty();
        }
        Optional<String> recipient = recipient(mail);
        if (recipient.isEmpty()) {
            log.info("No receipt for mail {}: no valid Reply-To or From address", mail.messageId());
        }
        return recipient;
    }

    /** Why the mail looks automatic, or null when it does not. */
    private static String automaticReason(ParsedMail mail) {
        if (values(mail, "Auto-Submitted").stream().anyMatch(v -> !firstToken(v).equals("no"))) {
            return "Auto-Submitted";
        }
        if (values(mail, "Precedence").stream().anyMatch(v -> BULK_PRECEDENCE.contains(firstToken(v)))) {
            return "Precedence";
        }
        if (!values(mail, "List-Id").isEmpty()) {
            return "List-Id";
        }
        if (values(mail, "Return-Path").stream()
                .anyMatch(v -> v.replaceAll("[\\s<>]", "").isEmpty())) {
            return "empty Return-Path";
        }
        if (isRobot(mail.from()) || values(mail, "Return-Path").stream().anyMatch(ReceiptPolicy::isRobot)) {
            return "sent by a mailer daemon";
        }
        if (values(mail, "Content-Type").stream().anyMatch(v -> firstToken(v).equals("multipart/report"))) {
            return "a delivery or disposition report";
        }
        if (values(mail, "X-Auto-Response-Suppress").stream().anyMatch(ReceiptPolicy::suppressesReplies)) {
            return "X-Auto-Response-Suppress";
        }
        return null;
    }

    private Optional<String> recipient(ParsedMail mail) {
        return mail.replyTo().stream()
                .filter(this::acceptable)
                .findFirst()
                .or(() -> Optional.of(mail.from()).filter(this::acceptable))
                .map(a -> a.strip());
    }

    private boolean acceptable(String address) {
        String a = address == null ? "" : address.strip();
        if (!ADDRESS.matcher(a.toLowerCase(Locale.ROOT)).matches()
                || ownAddresses.contains(a.toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            new InternetAddress(a, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static List<String> values(ParsedMail mail, String header) {
        return mail.headers().getOrDefault(header, List.of());
    }

    /** The value's first word, lower case: "no (comment)" is no, "multipart/report; report-type=…" a report. */
    private static String firstToken(String value) {
        return value.strip().split("[\\s;(]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static boolean isRobot(String address) {
        String a = address.replaceAll("[\\s<>]", "").toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        return at > 0 && ROBOT_LOCAL_PARTS.contains(a.substring(0, at));
    }

    private static boolean suppressesReplies(String value) {
        for (String token : value.split("[,;\\s]+")) {
            if (SUPPRESSING.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
