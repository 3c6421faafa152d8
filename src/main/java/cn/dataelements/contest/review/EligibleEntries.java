package cn.dataelements.contest.review;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.system.postgres.JsonColumns;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entries a first round takes: every entry that passed the compliance review, that is, checked and without an
 * open blocking finding (a blocking finding counts until the committee overrules it). An entry not checked yet has
 * not passed. Read from the database as committed.
 */
@Component
class EligibleEntries {

    record Header(String id, String workTitle, Entry.Track track) {}

    private final JdbcClient db;
    private final JsonColumns json;

    EligibleEntries(JdbcClient db, JsonColumns json) {
        this.db = db;
        this.json = json;
    }

    List<RoundEntry> passedCompliance() {
        List<RoundEntry> passed = new ArrayList<>();
        db.sql("""
                        select jsonb_build_object('id', e.id, 'workTitle', e.document->'workTitle',
                                                  'track', e.document->'track'),
                               f.document
                        from entries e join findings f on f.entry_id = e.id
                        where e.document is not null
                        order by e.id
                        """).query((java.sql.ResultSet rs) -> {
            Header entry = json.read(rs.getString(1), Header.class);
            if (!blocked(json.read(rs.getString(2), EntryFindings.class))) {
                Entry.Track track = entry.track();
                passed.add(new RoundEntry(
                        entry.id(),
                        entry.workTitle() == null ? "" : entry.workTitle(),
                        track == null ? 0 : track.number(),
                        track == null ? "未识别赛道" : track.name()));
            }
        });
        return passed;
    }

    static boolean blocked(EntryFindings found) {
        return found.findings().stream().anyMatch(f -> f.finding().severity() == Severity.BLOCKING && !overruled(f));
    }

    private static boolean overruled(CheckedFinding finding) {
        return finding.decision() != null && finding.decision().verdict().equals("OVERRULED");
    }
}
