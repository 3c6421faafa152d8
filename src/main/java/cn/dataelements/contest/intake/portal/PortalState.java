package cn.dataelements.contest.intake.portal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a portal route keeps across restarts and instances, in the database under its source's key (the route and its
 * listing): its watermark ({@code portal_cursors}), a compound cursor (updated-at, id) below which every registration
 * was taken in, and the fingerprint of each registration last taken in ({@code portal_seen}), so a registration the
 * overlap shows again unchanged costs no download.
 */
class PortalState {

    /** Every registration up to this one (by updated-at, then id) was taken in. */
    record Cursor(String updatedAt, String id) {}

    private final JdbcClient db;
    private final String source;

    PortalState(JdbcClient db, String source) {
        this.db = db;
        this.source = source;
    }

    Optional<Cursor> cursor() {
        return db.sql("select updated_at, record_id from portal_cursors where source = ?")
                .param(source)
                .query((rs, n) -> new Cursor(rs.getString("updated_at"), rs.getString("record_id")))
                .optional();
    }

    void advance(Cursor next) {
        db.sql("""
                        insert into portal_cursors (source, updated_at, record_id) values (?, ?, ?)
                        on conflict (source) do update set updated_at = excluded.updated_at, record_id = excluded.record_id
                        """).params(source, next.updatedAt(), next.id()).update();
    }

    /** True when the registration was taken in before with this fingerprint. */
    boolean seen(String id, String fingerprint) {
        return fingerprint.equals(fingerprint(id).orElse(null));
    }

    /** True when a registration of this id was taken in before, in any form. */
    boolean known(String id) {
        return fingerprint(id).isPresent();
    }

    void taken(String id, String fingerprint) {
        db.sql("""
                        insert into portal_seen (source, record_id, fingerprint) values (?, ?, ?)
                        on conflict (source, record_id) do update set fingerprint = excluded.fingerprint
                        """).params(source, id, fingerprint).update();
    }

    private Optional<String> fingerprint(String id) {
        return db.sql("select fingerprint from portal_seen where source = ? and record_id = ?")
                .params(source, id)
                .query(String.class)
                .optional();
    }
}
