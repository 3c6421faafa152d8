package cn.dataelements.contest.entry;

import cn.dataelements.contest.normalize.TextNormalizer;
import cn.dataelements.contest.submission.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the team of a submission that does not name itself fully (a mail that only adds a proof, with the work title
 * in its subject). Candidate teams are those whose earlier submissions came from the same sender, or list the
 * sender's address, or share a phone or e-mail of the submission's own contact and representatives. It joins a
 * candidate only when exactly one of them has the same work title; any other candidate is reported for a person to
 * decide, never merged.
 */
@Component
class TeamMatcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamMatcher.class);
    private static final int MAX_CANDIDATES = 50;

    /** The verdict: the team to join, or a problem to show, or neither. */
    record Match(Optional<String> teamKey, Optional<Problem> uncertain) {}

    private final JdbcClient db;

    TeamMatcher(JdbcClient db) {
        this.db = db;
    }

    Match match(Entry view, String from) {
        List<String> points = new ArrayList<>(People.contactPoints(view));
        String sender = People.emailPoint(from);
        if (!sender.isEmpty() && !points.contains(sender)) {
            points.add(sender);
        }
        if (points.isEmpty()) {
            return new Match(Optional.empty(), Optional.empty());
        }
        List<String> keys = candidateKeys(from, points);
        String title = squash(view.workTitle());
        log.info(
                "Team match for submission {}: {} candidate team(s)",
                view.versions().get(0).submissionId(),
                keys.size());
        List<String> sameTitle = keys.stream()
                .filter(k -> !title.isEmpty() && k.endsWith("|" + title))
                .toList();
        if (sameTitle.size() == 1) {
            return new Match(Optional.of(sameTitle.get(0)), Optional.empty());
        }
        if (keys.isEmpty()) {
            return new Match(Optional.empty(), Optional.empty());
        }
        return new Match(Optional.empty(), Optional.of(uncertain(from, keys)));
    }

    private static Problem uncertain(String from, List<String> keys) {
        List<String> entries = keys.stream().map(TeamIdentity::entryId).toList();
        return new Problem(
                "TEAM_MATCH_UNCERTAIN",
                // the team reads this in its receipt: it must not tell of anyone else's submissions
                "未能确认本次提交属于哪个参赛作品（作品名称或统一社会信用代码不完整，或与此前提交的不一致），组委会将人工确认；" + "补充材料时请在邮件主题中注明“赛道-单位-作品名称”。",
                "Sender " + from + " or a contact of this submission appears in " + keys.size() + " team(s) " + entries
                        + "; the work title did not decide",
                "");
    }

    /**
     * Teams whose submissions came from this sender or share one of these contact points: indexed look-ups in the
     * caller's transaction, so whatever was committed before is found, a re-run of the archive or not.
     */
    private List<String> candidateKeys(String from, List<String> points) {
        return db.sql("""
                        select team_key from submissions where team_key <> '' and sender <> '' and sender = ?
                        union
                        select s.team_key from submission_points p join submissions s on s.id = p.submission_id
                        where p.point = any(?) and s.team_key <> ''
                        order by 1 limit ?
                        """)
                .params(from == null ? "" : from, points.toArray(String[]::new), MAX_CANDIDATES)
                .query(String.class)
                .list();
    }

    static String squash(String title) {
        return TextNormalizer.forMatching(title == null ? "" : title).replaceAll("[\\s\\p{P}\\p{S}]", "");
    }
}
