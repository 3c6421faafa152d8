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

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(detailEn, "detailEn");
        location = location == null ? "" : location;
    }
}
