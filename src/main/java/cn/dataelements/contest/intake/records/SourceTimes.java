package cn.dataelements.contest.intake.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Times as Chinese platforms write them: ISO 8601 with or without an offset, "2024-08-20 14:30:00", "2024/08/20
 * 14:30", a date alone, or epoch milliseconds or seconds. A time without a zone is Beijing time (Asia/Shanghai).
 */
public final class SourceTimes {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日H:mm[:ss]"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private SourceTimes() {}

    /** The instant a source's time names, or empty when it is blank or not a time. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.matches("[0-9]{9,13}")) {
            long number = Long.parseLong(value);
            return Optional.of(
                    number >= 100_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset: a local time, in Beijing
        }
        for (DateTimeFormatter format : LOCAL) {
            try {
                return Optional.of(
                        LocalDateTime.parse(value, format).atZone(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(
                        LocalDate.parse(value, format).atStartOfDay(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }
}
