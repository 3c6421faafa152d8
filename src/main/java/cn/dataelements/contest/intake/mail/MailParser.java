package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.submission.Problem;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one archived raw RFC 822 message into a {@link ParsedMail}, decoding headers, names and bodies the way
 * Chinese mail really arrives (GBK under a gb2312 label, raw 8-bit names, split encoded-words, RFC 2231). Attachments
 * are written under the given work folder with generated file names. Bad content becomes {@link Problem}s; only bytes
 * that are not a mail at all raise {@link UnparseableMailException}. Jakarta Mail's lenient System properties must be
 * set before its classes load: see {@link MailSystemProperties}; this class applies them in its static initialiser as
 * a last resort, the application's main and the test JVM set them earlier.
 */
public final class MailParser {

    static {
        MailSystemProperties.apply();
    }

    private static final Logger log = LoggerFactory.getLogger(MailParser.class);
    private static final List<String> ALLOWED_HEADERS = List.of(
            "Message-ID",
            "Date",
            "From",
            "Reply-To",
            "To",
            "Cc",
            "Subject",
            "In-Reply-To",
            "References",
            "Auto-Submitted",
            "Precedence",
            "List-Id",
            "Return-Path",
            "X-Auto-Response-Suppress",
            "Content-Type",
            "X-Mailer");
    private static final List<String> MAIL_HEADERS = List.of(
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "Received",
            "Content-Type",
            "Return-Path",
            "Sender",
            "Reply-To");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+");

    private final MailParserLimits limits;
    private final Session session;

    public MailParser(MailParserLimits limits) {
        this.limits = limits;
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(props);
    }

    /**
     * Parses the raw message; writes each leaf attachment to a new file under workDir (file names are generated, e.g.
     * part-1.bin, never built from the attachment name). Never throws for bad content except UnparseableMailException
     * when the bytes are not a mail at all (empty, or binary garbage with no headers).
     */
    public ParsedMail parse(Path rawMessage, Path workDir) throws IOException, UnparseableMailException {
        if (Files.size(rawMessage) == 0) {
            throw new UnparseableMailException("empty file: " + rawMessage);
        }
        Files.createDirectories(workDir);
        try (SharedFileInputStream in = new SharedFileInputStream(rawMessage.toFile())) {
            MimeMessage message = new MimeMessage(session, in);
            requireMailHeaders(message, rawMessage);
            ParsedMail mail = toParsedMail(message, workDir);
            // The archived file's name is the submission id; the Message-ID names the sender's domain: DEBUG only.
            log.info(
                    "Parsed mail {}: {} attachment(s), {} problem(s)",
                    rawMessage.getFileName(),
                    mail.attachments().size(),
                    mail.problems().size());
            log.debug("Mail {} is {}", rawMessage.getFileName(), mail.messageId());
            return mail;
        } catch (MessagingException e) {
            throw new UnparseableMailException("cannot read the header block of " + rawMessage + ": " + e, e);
        }
    }

    private ParsedMail toParsedMail(MimeMessage message, Path workDir) throws MessagingException {
        List<Problem> problems = new ArrayList<>();
        PartWalker walker = new PartWalker(limits, new AttachmentSink(workDir, limits, problems), problems);
        String body = walker.walkMessage(message, "", 0).text();
        List<String> texts = new ArrayList<>(List.of(body));
        texts.addAll(walker.forwardedTexts());
        String bodyText =
                String.join("\n\n", texts.stream().filter(t -> !t.isBlank()).toList());
        String fromHeader = HeaderDecoder.decode(PartInfo.first(message, "From"));
        InternetAddress from = firstAddress(fromHeader);
        ParsedMail mail = new ParsedMail(
                PartInfo.first(message, "Message-ID").strip(),
                HeaderDecoder.decode(PartInfo.first(message, "Subject")),
                from == null ? "" : from.getAddress(),
                from == null || from.getPersonal() == null
                        ? ""
                        : from.getPersonal().strip(),
                addresses(HeaderDecoder.decode(PartInfo.first(message, "Reply-To"))),
                sentDate(message),
                bodyText,
                walker.attachments(),
                problems,
                allowListedHeaders(message));
        return mail;
    }

    private static void requireMailHeaders(MimeMessage message, Path rawMessage)
            throws MessagingException, UnparseableMailException {
        for (String name : MAIL_HEADERS) {
            if (message.getHeader(name) != null) {
                return;
            }
        }
        throw new UnparseableMailException("no mail headers found in " + rawMessage);
    }

    private static InternetAddress firstAddress(String decoded) {
        if (decoded.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(decoded, false);
            if (parsed.length > 0) {
                return parsed[0];
            }
        } catch (AddressException e) {
            log.debug("From header is not a valid address list, falling back to a pattern: {}", e.getMessage());
        }
        Matcher m = ADDRESS.matcher(decoded);
        if (!m.find()) {
            return null;
        }
        InternetAddress address = new InternetAddress();
        address.setAddress(m.group());
        return address;
    }

    private static List<String> addresses(String decoded) {
        List<String> result = new ArrayList<>();
        try {
            Arrays.stream(InternetAddress.parseHeader(decoded, false))
                    .map(InternetAddress::getAddress)
                    .forEach(result::add);
        } catch (AddressException e) {
            ADDRESS.matcher(decoded).results().map(r -> r.group()).forEach(result::add);
        }
        return result;
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Map<String, List<String>> allowListedHeaders(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : ALLOWED_HEADERS) {
            String[] values = message.getHeader(name);
            if (values != null) {
                headers.put(
                        name, Arrays.stream(values).map(HeaderDecoder::decode).toList());
            }
        }
        return headers;
    }
}
