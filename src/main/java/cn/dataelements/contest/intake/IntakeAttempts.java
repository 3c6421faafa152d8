package cn.dataelements.contest.intake;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed attempts per source item, counted in the database ({@code intake_attempts}), so an item that fails every time
 * for a reason that is not an outage is quarantined after {@code intake.routes.max-attempts} tries, across polls,
 * restarts and app instances alike, instead of being retried forever ahead of the items behind it. An item that cannot
 * even be quarantined (its source refuses to move it) is skipped ({@code intake_skipped}): left alone at every later
 * poll and shown in health until a person releases it.
 */
@Component
public class IntakeAttempts {

    /**
     * An item given up on at its source: neither taken in nor quarantined.
     *
     * @param item its key ({@link SourceItem#key()})
     * @param route the route that met it
     * @param since when it was given up on
     * @param reason why (English)
     */
    public record Skipped(String item, String route, Instant since, String reason) {}

    private final JdbcClient db;

    IntakeAttempts(JdbcClient db) {
        this.db = db;
    }

    /** How many attempts of this item failed so far. */
    public int failed(String item) {
        return db.sql("select failed from intake_attempts where item = ?")
                .param(item)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Counts one more failed attempt; returns the count. */
    public int fail(String item, String error) {
        return db.sql("""
                        insert into intake_attempts (item, failed, last_error, updated_at) values (?, 1, ?, now())
                        on conflict (item) do update
                          set failed = intake_attempts.failed + 1, last_error = excluded.last_error, updated_at = now()
                        returning failed
                        """).params(item, error).query(Integer.class).single();
    }

    /** The item went through after failed attempts: a later failure of the same item counts from one again. */
    public void succeeded(String item) {
        db.sql("delete from intake_attempts where item = ?").param(item).update();
    }

    /** Gives the item up at its source: later polls leave it alone, and health names it. */
    public void skip(SourceItem item, String reason) {
        db.sql("""
                        insert into intake_skipped (item, route, since, reason) values (?, ?, now(), ?)
                        on conflict (item) do update set reason = excluded.reason
                        """).params(item.key(), item.route(), reason).update();
    }

    /** True when the item was given up on and not released since. */
    public boolean isSkipped(String item) {
        return db.sql("select exists (select 1 from intake_skipped where item = ?)")
                .param(item)
                .query(Boolean.class)
                .single();
    }

    /** The items every route gave up on, by route, the oldest first. */
    public java.util.Map<String, List<Skipped>> skippedByRoute() {
        java.util.Map<String, List<Skipped>> byRoute = new java.util.TreeMap<>();
        db.sql("select item, route, since, reason from intake_skipped order by since, item")
                .query((rs, n) -> new Skipped(
                        rs.getString("item"),
                        rs.getString("route"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getString("reason")))
                .list()
                .forEach(s -> byRoute.computeIfAbsent(s.route(), r -> new java.util.ArrayList<>())
                        .add(s));
        return byRoute;
    }

    /** The items a route gave up on, the oldest first. */
    public List<Skipped> skipped(String route) {
        return db.sql("select item, route, since, reason from intake_skipped where route = ? order by since, item")
                .param(route)
                .query((rs, n) -> new Skipped(
                        rs.getString("item"),
                        rs.getString("route"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    /** A person asks for a skipped item to be tried again: at the next poll, with a fresh count of attempts. */
    public boolean release(String item) {
        db.sql("delete from intake_attempts where item = ?").param(item).update();
        return db.sql("delete from intake_skipped where item = ?").param(item).update() > 0;
    }
}
