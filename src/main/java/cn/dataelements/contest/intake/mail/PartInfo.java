package cn.dataelements.contest.intake.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.Optional;

/**
 * What the walker needs to know about one MIME part, read from its raw headers with our own decoding: media type,
 * declared charset, disposition and the sender's file name (Content-Disposition filename, else Content-Type name).
 */
record PartInfo(String mediaType, Optional<String> charset, String disposition, Optional<String> fileName) {

    static PartInfo of(Part part) throws MessagingException {
        HeaderParams type = HeaderParams.parse(first(part, "Content-Type"));
        HeaderParams disposition = HeaderParams.parse(first(part, "Content-Disposition"));
        String mediaType = type.value().isEmpty() || !type.value().contains("/") ? "text/plain" : type.value();
        Optional<String> fileName = disposition.param("filename").or(() -> type.param("name"));
        return new PartInfo(mediaType, type.param("charset"), disposition.value(), fileName.map(PartInfo::baseName));
    }

    static String first(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? "" : values[0];
    }

    boolean isMultipart() {
        return mediaType.startsWith("multipart/");
    }

    boolean isMessage() {
        return mediaType.equals("message/rfc822");
    }

    boolean isBodyCandidate() {
        return fileName.isEmpty()
                && !disposition.equals("attachment")
                && (mediaType.equals("text/plain") || mediaType.equals("text/html"));
    }

    /** Some clients send a whole Windows path as the name; only the last segment is the file's name. */
    private static String baseName(String name) {
        String trimmed = name.strip();
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String base = slash >= 0 && slash < trimmed.length() - 1 ? trimmed.substring(slash + 1) : trimmed;
        return base.replaceAll("[\\p{Cntrl}]", "");
    }
}
