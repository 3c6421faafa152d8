package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes attachment contents to generated file names ({@code part-1.bin}, ...) under the work folder, hashing as it
 * goes and enforcing the per-part and per-message size limits. A file name from the mail never reaches the file system.
 */
final class AttachmentSink {

    private static final Logger log = LoggerFactory.getLogger(AttachmentSink.class);

    private final Path workDir;
    private final MailParserLimits limits;
    private final List<Problem> problems;
    private long totalBytes;
    private int fileCounter;

    AttachmentSink(Path workDir, MailParserLimits limits, List<Problem> problems) {
        this.workDir = workDir;
        this.limits = limits;
        this.problems = problems;
    }

    /** Writes one attachment; returns empty (and records a problem) when it is over a size limit. */
    Optional<MailAttachment> write(InputStream in, String fileName, boolean generated, String contentType, String path)
            throws IOException {
        Path file = workDir.resolve("part-" + (++fileCounter) + ".bin");
        long allowed = Math.min(limits.maxPartBytes(), limits.maxTotalBytes() - totalBytes);
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > allowed) {
                    out.close();
                    Files.deleteIfExists(file);
                    tooLarge(fileName, path, allowed == limits.maxPartBytes());
                    return Optional.empty();
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        totalBytes += size;
        String sha = HexFormat.of().formatHex(digest.digest());
        return Optional.of(new MailAttachment(fileName, generated, contentType, size, file, path, sha));
    }

    private void tooLarge(String fileName, String path, boolean partLimit) {
        String detail = partLimit
                ? "attachment '%s' is larger than maxPartBytes=%d; skipped".formatted(fileName, limits.maxPartBytes())
                : "attachments exceed maxTotalBytes=%d at '%s'; skipped".formatted(limits.maxTotalBytes(), fileName);
        log.debug("Mail part {}: {}", path, detail);
        problems.add(
                partLimit
                        ? new Problem("MAIL_PART_TOO_LARGE", "附件“" + fileName + "”超过单个附件大小上限，未保存", detail, path)
                        : new Problem("MAIL_TOTAL_TOO_LARGE", "邮件附件总大小超过上限，附件“" + fileName + "”未保存", detail, path));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
