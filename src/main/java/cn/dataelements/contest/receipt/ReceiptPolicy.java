package cn.dataelements.contest.receipt;

import cn.dataelements.contest.submission.ReadSubmission;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a submission gets a receipt and to which address. Mail that looks automatic gets none (RFC 3834 and
 * the headers real auto-responders and list servers set), so a receipt never answers a bounce, an out-of-office reply,
 * a mailing list or another robot. The recipient is the From address. A Reply-To is used instead only when it is
 * within From's domain (the same domain or a subdomain: a contact's own address at the unit) or is the contact address
 * written in the submission's own form: a Reply-To is a header anyone can write, and a receipt must not become a way
 * to make the contest mail a stranger. No address the app reads (any mailbox route's account) or sends from is ever a
 * recipient, so two of our systems cannot loop.
 */
final class ReceiptPolicy {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPolicy.class);
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");
    private static final Set<String> ROBOT_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> SUPPRESSING = Set.of("all", "autoreply");
    private static final Pattern ADDRESS =
            Pattern.compile("[^\\s<>@\"',;:()\\[\\]]+@[^\\s<>@\"',;:()\\[\\]]+\\.[a-z]+");

    private final Supplier<Set<String>> ownAddresses;

    /** ownAddresses: asked at each decision, since mailbox routes come and go with the route files. */
    ReceiptPolicy(Supplier<Set<String>> ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    /**
     * The address to send the receipt to, or empty when the submission gets none.
     *
     * @param sender who sent it, as the channel says
     * @param formContact the contact e-mail written in the submission's own form, or empty
     */
    Optional<String> recipient(ReadSubmission.Sender sender, String formContact) {
        String automatic = automaticReason(sender);
        if (automatic != null) {
            log.info("No receipt: the mail looks automatic ({})", automatic);
            return Optional.empty();
        }
        Set<String> own = lowerCase(ownAddresses.get());
        Optional<String> from =
                Optional.ofNullable(sender.from()).map(String::strip).filter(a -> acceptable(a, own));
        Optional<String> replyTo = sender.replyTo().stream()
                .map(String::strip)
                .filter(a -> acceptable(a, own))
                .filter(a -> from.map(f -> withinDomainOf(a, f)).orElse(false) || sameAddress(a, formContact))
                .findFirst();
        Optional<String> recipient = replyTo.or(() -> from);
        if (recipient.isEmpty()) {
            log.info("No receipt: no From address that may be answered");
        }
        return recipient;
    }

    /** Why the mail looks automatic, or null when it does not. */
    private static String automaticReason(ReadSubmission.Sender mail) {
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

    private static boolean acceptable(String address, Set<String> own) {
        String a = address.toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(a).matches() || own.contains(a)) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** True when the address's domain is the From address's domain or a subdomain of it. */
    static boolean withinDomainOf(String address, String from) {
        String domain = domain(address);
        String fromDomain = domain(from);
        return !fromDomain.isEmpty() && (domain.equals(fromDomain) || domain.endsWith("." + fromDomain));
    }

    private static boolean sameAddress(String address, String other) {
        return other != null && !other.isBlank() && address.equalsIgnoreCase(other.strip());
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static Set<String> lowerCase(Set<String> addresses) {
        return addresses.stream()
                .filter(a -> a != null && !a.isBlank())
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> values(ReadSubmission.Sender mail, String header) {
        return mail.headers().getOrDefault(header, List.of());
    }

    /** The value's first word, lower case: "no (comment)" is no, "multipart/report; report-type=…" a report. */
    private static String firstToken(String value) {
        return value.strip().split("[\\s;(]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static boolean isRobot(String address) {
        String a = address == null ? "" : address.replaceAll("[\\s<>]", "").toLowerCase(Locale.ROOT);
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
