package cn.dataelements.contest.intake.mail;

import java.nio.file.Path;

/**
 * One leaf attachment of a mail, already decoded and written to its own file under the parse's work folder.
 *
 * @param fileName decoded name as sent, or a generated one such as {@code 附件-2.bin} when the part had none
 * @param nameGenerated true when {@code fileName} was generated rather than sent
 * @param contentType lower-case media type without parameters, e.g. {@code application/pdf}
 * @param size decoded size in bytes
 * @param file where the content was written; its name is generated, never taken from the mail
 * @param partPath position in the MIME tree, e.g. {@code 2/1}; winmail.dat entries and forwarded messages nest
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record MailAttachment(
        String fileName,
        boolean nameGenerated,
        String contentType,
        long size,
        Path file,
        String partPath,
        String sha256) {}
