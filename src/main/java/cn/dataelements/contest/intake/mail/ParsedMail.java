package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.submission.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One archived mail reduced to plain, decoded values: who sent it, what it says and which files it carried. Text of
 * forwarded messages is appended to {@code bodyText} as context; their attachments are in {@code attachments}.
 *
 * @param messageId the Message-ID header as sent (with angle brackets), or empty
 * @param subject decoded subject, or empty
 * @param from sender address, or empty
 * @param fromName sender display name, decoded, or empty
 * @param replyTo Reply-To addresses
 * @param sentDate the Date header, or null when missing or unreadable
 * @param bodyText the main text (plain text preferred, else text taken from HTML), plus forwarded messages' text
 * @param attachments every leaf attachment in walk order
 * @param problems what could not be handled as expected
 * @param headers allow-listed headers only, decoded, in allow-list order
 */
public record ParsedMail(
        String messageId,
        String subject,
        String from,
        String fromName,
        List<String> replyTo,
        Instant sentDate,
        String bodyText,
        List<MailAttachment> attachments,
        List<Problem> problems,
        Map<String, List<String>> headers) {

    public ParsedMail {
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
