package cn.dataelements.contest.submission;

import java.util.Objects;

/**
 * Something about a submission that could not be handled as expected, recorded against it rather than thrown: a
 * corrupt attachment, an unsupported archive, an undecodable name. The person reads {@code messageZh}; the log and the
 * developers read {@code detailEn}.
 *
 * @param code stable machine-readable code, e.g. {@code ARCHIVE_RAR5_UNSUPPORTED}
 * @param messageZh what the organizer or team is told, in Simplified Chinese
 * @param detailEn what the log says, in English
 * @param location the file or part it concerns (display path inside the submission), or empty
 */
public record Problem(String code, String messageZh, String detailEn, String location) {

    /**
     * The code of the problem that names a file the channel listed but did not deliver (a portal's 404, a file a
     * sheet's row names that its package lacks); its location is the file's name.
     */
    public static final String FILE_NOT_DELIVERED = "ATTACHMENT_MISSING";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(detailEn, "detailEn");
        location = location == null ? "" : location;
    }
}
