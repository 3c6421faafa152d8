package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The award list's public notice (公示, guide section 五): the organizer starts it for a closed round on a day, and it
 * runs for {@code intake.review.notice-days} calendar days in Asia/Shanghai. Kept in {@code notices.jsonl}.
 */
@Component
public class PublicNotice {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final EventFile<Notice> file;
    private final Rounds rounds;
    private final AuditLog audit;
    private final int days;
    private final Clock clock;
    private final Map<String, Notice> latest = new LinkedHashMap<>();

    PublicNotice(ReviewProperties properties, ObjectMapper json, Rounds rounds, AuditLog audit) {
        this.file = new EventFile<>(properties.dir().resolve("notices.jsonl"), json, Notice.class);
        this.rounds = rounds;
        this.audit = audit;
        this.days = properties.noticeDays();
        this.clock = Clock.system(BEIJING);
        file.readAll().forEach(n -> latest.put(n.round(), n));
    }

    /**
     * Puts the round's award list on notice from the given day (today when null).
     *
     * @throws ReviewException when the round is not closed
     */
    public synchronized Notice start(String round, LocalDate from, String who) {
        if (rounds.status(round) != Rounds.Status.CLOSED) {
            throw new ReviewException("请先结束" + rounds.round(round).name() + "并确定获奖名单，再开始公示。");
        }
        LocalDate start = from == null ? today() : from;
        Notice notice = new Notice(round, start, start.plusDays(days - 1L), who, Instant.now());
        file.append(notice);
        latest.put(round, notice);
        audit.record(who, "review.notice", round, start + " to " + notice.endsOn());
        return notice;
    }

    public synchronized Optional<Notice> of(String round) {
        return Optional.ofNullable(latest.get(round));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
