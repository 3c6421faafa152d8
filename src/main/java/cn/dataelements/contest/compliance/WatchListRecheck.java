package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.system.postgres.JsonColumns;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a watch list is imported, checks again every entry with a unit on the new import or on the one it replaced:
 * a unit that was added to the 失信 list gets its finding now, one that was taken off loses it, without a re-run of
 * every entry. Reads only the entries' ids and units.
 */
@Component
class WatchListRecheck implements ListRecheck {

    /** The part of an entry a list is matched against. */
    record EntryUnits(List<Entry.Unit> units) {}

    private final JdbcClient db;
    private final JsonColumns json;
    private final EntryCheck check;

    WatchListRecheck(JdbcClient db, JsonColumns json, EntryCheck check) {
        this.db = db;
        this.json = json;
        this.check = check;
    }

    @Override
    public List<String> recheck(WatchList now, WatchList before) {
        List<String> matching = new ArrayList<>();
        db.sql("select id, jsonb_build_object('units', document->'units') from entries where document is not null"
                        + " order by id")
                .query((java.sql.ResultSet rs) -> {
                    EntryUnits entry = json.read(rs.getString(2), EntryUnits.class);
                    if (names(now, entry) || names(before, entry)) {
                        matching.add(rs.getString(1));
                    }
                });
        matching.forEach(check::checkAgain);
        return matching;
    }

    private static boolean names(WatchList list, EntryUnits entry) {
        return entry.units() != null
                && entry.units().stream()
                        .anyMatch(u -> list.find(u.name(), u.creditCode()).isPresent());
    }
}
