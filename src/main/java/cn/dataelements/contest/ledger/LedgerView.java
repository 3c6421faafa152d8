package cn.dataelements.contest.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The intake ledger as the intake page reads it, from the database: the latest lines, or the latest of one outcome,
 * newest first.
 */
@Component
public class LedgerView {

    private final JdbcClient db;

    LedgerView(JdbcClient db) {
        this.db = db;
    }

    /**
     * The latest lines, newest first.
     *
     * @param outcome only lines of this outcome, or null for all
     */
    public List<LedgerEvent> latest(Outcome outcome, int limit) {
        return outcome == null
                ? db.sql("select * from ledger order by seq desc limit ?")
                        .param(limit)
                        .query(LedgerView::event)
                        .list()
                : db.sql("select * from ledger where outcome = ? order by seq desc limit ?")
                        .params(outcome.name(), limit)
                        .query(LedgerView::event)
                        .list();
    }

    static LedgerEvent event(ResultSet rs, int row) throws SQLException {
        return new LedgerEvent(
                rs.getString("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("route"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("submission_id"),
                rs.getString("message_id"),
                rs.getString("folder"),
                rs.getLong("uid"),
                rs.getString("reason"));
    }
}
