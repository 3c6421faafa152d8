package cn.dataelements.contest.compliance;

import cn.dataelements.contest.system.postgres.JsonColumns;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each entry's pre-check as it now stands ({@code findings}), every finding beside the committee's decision in force:
 * written by the check in the transaction of the entry's change, and by a decision in its own.
 */
@Component
public class StoredFindings {

    private final JdbcClient db;
    private final JsonColumns json;

    StoredFindings(JdbcClient db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    /** The entry's findings as last committed, if it was checked. */
    public Optional<EntryFindings> of(String entryId) {
        return db.sql("select document from findings where entry_id = ?")
                .param(entryId)
                .query(String.class)
                .optional()
                .map(document -> json.read(document, EntryFindings.class));
    }

    /** Every entry's findings, one at a time, by entry id. */
    public void forEach(BiConsumer<String, EntryFindings> each) {
        db.sql("select entry_id, document from findings order by entry_id").query((java.sql.ResultSet rs) -> {
            each.accept(rs.getString(1), json.read(rs.getString(2), EntryFindings.class));
        });
    }

    void write(EntryFindings findings) {
        db.sql("""
                        insert into findings (entry_id, document, checked_at) values (?, cast(? as jsonb), ?)
                        on conflict (entry_id) do update
                          set document = excluded.document, checked_at = excluded.checked_at,
                              revision = nextval('revisions')
                        """)
                .params(findings.entryId(), json.write(findings), Timestamp.from(findings.checkedAt()))
                .update();
    }
}
