package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryKeys;
import cn.dataelements.contest.system.postgres.JsonColumns;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries a cross-entry rule must compare with: those sharing a team (a unit's credit code and the title) or a
 * person's phone or e-mail ({@link EntryKeys}), found by the indexed {@code entry_keys} in the caller's transaction.
 * Bounded, so a check costs one query whatever the number of entries.
 */
@Component
class StoredEntryDirectory implements EntryDirectory {

    private static final Logger log = LoggerFactory.getLogger(StoredEntryDirectory.class);
    private static final int MAX_OTHERS = 200;

    private final JdbcClient db;
    private final JsonColumns json;

    StoredEntryDirectory(JdbcClient db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public List<Entry> others(Entry entry) {
        Set<String> keys = EntryKeys.of(entry);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> found = db.sql("""
                        select e.document from entries e
                        where e.id <> ? and e.document is not null
                          and e.id in (select k.entry_id from entry_keys k where k.key = any(?))
                        order by e.id limit ?
                        """)
                .params(entry.id(), keys.toArray(String[]::new), MAX_OTHERS + 1)
                .query(String.class)
                .list();
        if (found.size() > MAX_OTHERS) {
            log.warn(
                    "Entry {} shares a team or a person with more than {} entries; only the first {} are compared",
                    entry.id(),
                    MAX_OTHERS,
                    MAX_OTHERS);
            found = found.subList(0, MAX_OTHERS);
        }
        return found.stream().map(document -> json.read(document, Entry.class)).toList();
    }
}
