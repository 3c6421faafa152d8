package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.submission.Problem;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Depth-first walk over one message's MIME tree: multiparts and forwarded messages are entered, the first unnamed
 * text/plain and text/html of each message are its body, and every other leaf becomes an attachment (a winmail.dat
 * too: it is unpacked in an extraction child, like every other file that needs a parser). A broken part or a part over a limit is recorded as a problem and the walk goes on.
 */
final class PartWalker {

    private static final Logger log = LoggerFactory.getLogger(PartWalker.class);

    private final MailParserLimits limits;
    private final AttachmentSink sink;
    private final List<Problem> problems;
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final List<String> forwardedTexts = new ArrayList<>();
    private final PartBudget budget;

    PartWalker(MailParserLimits limits, AttachmentSink sink, List<Problem> problems) {
        this.limits = limits;
        this.sink = sink;
        this.problems = problems;
        this.budget = new PartBudget(limits, problems);
    }

    List<MailAttachment> attachments() {
        return attachments;
    }

    List<String> forwardedTexts() {
        return forwardedTexts;
    }

    /** Walks a message whose parts are numbered under {@code prefix} ("" for the archived message itself). */
    MessageBody walkMessage(MimeMessage message, String prefix, int depth) {
        MessageBody body = new MessageBody();
        walk(message, prefix, depth, body, true);
        return body;
    }

    private void walk(Part part, String path, int depth, MessageBody body, boolean messageRoot) {
        if (!budget.admit(path, depth)) {
            return;
        }
        try {
            PartInfo info = PartInfo.of(part);
            if (info.isMultipart()) {
                walkMultipart(part, path, depth, body);
            } else {
                // A message that is not multipart still numbers its only body part 1, as IMAP does.
                walkLeaf(part, info, messageRoot ? join(path, "1") : path, depth, body);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            record("MAIL_PART_UNREADABLE", "邮件第 " + path + " 部分无法读取，已跳过", "cannot read part: " + e, path);
        }
    }

    private void walkLeaf(Part part, PartInfo info, String path, int depth, MessageBody body)
            throws MessagingException, IOException {
        if (info.isMessage()) {
            walkForwarded(part, info, path, depth);
        } else if (info.isBodyCandidate() && body.accepts(info.mediaType())) {
            body.put(
                    info.mediaType(),
                    TextCharsets.decode(readAll(part, path), info.charset().orElse(null)));
        } else {
            keep(part, info, path);
        }
    }

    private void walkMultipart(Part part, String path, int depth, MessageBody body)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
            keep(part, PartInfo.of(part), path.isEmpty() ? "1" : path);
            return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            walk(multipart.getBodyPart(i), join(path, String.valueOf(i + 1)), depth + 1, body, false);
        }
    }

    private void walkForwarded(Part part, PartInfo info, String path, int depth)
            throws MessagingException, IOException {
        if (!(part.getContent() instanceof MimeMessage inner)) {
            keep(part, info, path);
            return;
        }
        MessageBody innerBody = walkMessage(inner, path, depth + 1);
        String subject = HeaderDecoder.decode(PartInfo.first(inner, "Subject"));
        String from = HeaderDecoder.decode(PartInfo.first(inner, "From"));
        forwardedTexts.add(
                ("---------- 转发的邮件 ----------\n发件人：" + from + "\n主题：" + subject + "\n\n" + innerBody.text()).strip());
    }

    private void keep(Part part, PartInfo info, String path) throws MessagingException, IOException {
        boolean generated = info.fileName().isEmpty();
        String name = info.fileName().orElseGet(() -> generatedName(path, info.mediaType()));
        try (InputStream in = part.getInputStream()) {
            store(in, name, generated, info.mediaType(), path);
        } catch (IOException e) {
            record(
                    "MAIL_PART_UNDECODABLE",
                    "附件“" + name + "”的传输编码有误，已保存未解码的原始内容",
                    "cannot decode transfer encoding, kept raw: " + e,
                    path);
            try (InputStream raw = rawStream(part)) {
                store(raw, name, generated, info.mediaType(), path);
            }
        }
    }

    private static InputStream rawStream(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart bodyPart) {
            return bodyPart.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        throw new IOException("no raw content available for " + part.getClass().getName());
    }

    private void store(InputStream in, String name, boolean generated, String type, String path) throws IOException {
        sink.write(in, name, generated, type, path).ifPresent(attachments::add);
    }

    private byte[] readAll(Part part, String path) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxPartBytes() + 1));
            if (bytes.length > limits.maxPartBytes()) {
                record(
                        "MAIL_PART_TRUNCATED",
                        "邮件第 " + path + " 部分超过大小上限，已截断",
                        "part larger than maxPartBytes=" + limits.maxPartBytes() + ", truncated",
                        path);
                return java.util.Arrays.copyOf(bytes, (int) limits.maxPartBytes());
            }
            return bytes;
        }
    }

    private void record(String code, String messageZh, String detailEn, String path) {
        log.debug("Mail part {}: {} ({})", path, detailEn, code);
        problems.add(new Problem(code, messageZh, detailEn, path));
    }

    static String generatedName(String path, String mediaType) {
        return "附件-" + path.replace('/', '-') + extension(mediaType);
    }

    private static String extension(String mediaType) {
        try {
            String ext = MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtension();
            return ext.isEmpty() ? ".bin" : ext;
        } catch (MimeTypeException e) {
            return ".bin";
        }
    }

    private static String join(String prefix, String index) {
        return prefix.isEmpty() ? index : prefix + "/" + index;
    }
}
