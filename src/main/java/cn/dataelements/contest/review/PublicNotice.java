package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The award list's public notice (公示, guide section 五): the organizer starts it for a closed round on a day, and it
 * runs for {@code intake.review.notice-days} calendar days in Asia/Shanghai. Kept in the database
 * ({@code review_notices}).
 */
@Component
public class PublicNotice {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Rounds rounds;
    private final AuditLog audit;
    private final int days;
    private final Clock clock;

    PublicNotice(
            JdbcClient db,
            TransactionTemplate transactions,
            ReviewProperties properties,
            Rounds rounds,
            AuditLog audit) {
        this.db = db;
        this.transactions = transactions;
        this.rounds = rounds;
        this.audit = audit;
        this.days = properties.noticeDays();
        this.clock = Clock.system(BEIJING);
    }

    /**
     * Puts the round's award list on notice from the given day (today when null).
     *
     * @throws ReviewException when the round is not closed
     */
    public Notice start(String round, LocalDate from, String who) {
        if (rounds.status(round) != Rounds.Status.CLOSED) {
            throw new ReviewException("请先结束" + rounds.round(round).name() + "并确定获奖名单，再开始公示。");
        }
        LocalDate start = from == null ? today() : from;
        Notice notice = new Notice(round, start, start.plusDays(days - 1L), who, Instant.now());
        transactions.executeWithoutResult(status -> {
            db.sql("""
                            insert into review_notices (round, starts_on, ends_on, set_by, set_at) values (?, ?, ?, ?, ?)
                            on conflict (round) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                              set_by = excluded.set_by, set_at = excluded.set_at
                            """)
                    .params(round, notice.startsOn(), notice.endsOn(), who, Timestamp.from(notice.at()))
                    .update();
            audit.record(who, "review.notice", round, start + " to " + notice.endsOn());
        });
        return notice;
    }

    public Optional<Notice> of(String round) {
        return db.sql("select round, starts_on, ends_on, set_by, set_at from review_notices where round = ?")
                .param(round)
                .query((rs, n) -> new Notice(
                        rs.getString("round"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
