package cn.dataelements.contest.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns what the rules find into incidents ({@code alert_incidents}): a condition that was not holding starts one and
 * sends one message; one that stops holding ends it and sends one more; while it lasts, nothing is sent again. The
 * open incidents are the pages' banner; the recent ones are listed on 收件.
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    /** An incident: open while {@code endedAt} is null. */
    public record Incident(String key, String title, String detail, Instant startedAt, Instant endedAt) {

        public boolean open() {
            return endedAt == null;
        }
    }

    private final List<AlertRule> rules;
    private final AlertNotifier notifier;
    private final JdbcClient db;

    Alerts(List<AlertRule> rules, AlertNotifier notifier, JdbcClient db) {
        this.rules = rules;
        this.notifier = notifier;
        this.db = db;
    }

    /** Evaluates every rule once at {@code now}; answers the incidents started and ended by it. */
    public synchronized List<Incident> evaluate(Instant now) {
        Map<String, AlertRule.Condition> holding = new java.util.LinkedHashMap<>();
        for (AlertRule rule : rules) {
            try {
                rule.evaluate(now).forEach(c -> holding.putIfAbsent(c.key(), c));
            } catch (RuntimeException e) {
                log.warn(
                        "Alert rule {} could not be evaluated: {}",
                        rule.getClass().getSimpleName(),
                        e.toString());
            }
        }
        Map<String, Incident> open = open().stream().collect(Collectors.toMap(Incident::key, Function.identity()));
        List<Incident> changed = new ArrayList<>();
        for (AlertRule.Condition condition : holding.values()) {
            if (!open.containsKey(condition.key())) {
                int started = db.sql("insert into alert_incidents (key, title, detail, started_at) values (?, ?, ?, ?)"
                                + " on conflict do nothing")
                        .params(condition.key(), condition.title(), condition.detail(), Timestamp.from(now))
                        .update();
                if (started == 1) {
                    Incident incident = new Incident(condition.key(), condition.title(), condition.detail(), now, null);
                    changed.add(incident);
                    notifier.started(incident);
                }
            }
        }
        for (Incident incident : open.values()) {
            if (!holding.containsKey(incident.key())) {
                int ended = db.sql("update alert_incidents set ended_at = ? where key = ? and ended_at is null")
                        .params(Timestamp.from(now), incident.key())
                        .update();
                if (ended == 1) {
                    Incident over = new Incident(
                            incident.key(), incident.title(), incident.detail(), incident.startedAt(), now);
                    changed.add(over);
                    notifier.ended(over);
                }
            }
        }
        return changed;
    }

    /** The incidents that last now, oldest first. */
    public List<Incident> open() {
        return db.sql("select key, title, detail, started_at, ended_at from alert_incidents where ended_at is null"
                        + " order by started_at")
                .query((rs, n) -> incident(rs))
                .list();
    }

    /** The latest incidents, open or over, newest first. */
    public List<Incident> recent(int limit) {
        return db.sql("select key, title, detail, started_at, ended_at from alert_incidents order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> incident(rs))
                .list();
    }

    private static Incident incident(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Incident(
                rs.getString("key"),
                rs.getString("title"),
                rs.getString("detail"),
                rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
