package cn.dataelements.contest.entry;

import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.IndexingException;
import cn.dataelements.contest.normalize.TextNormalizer;
import cn.dataelements.contest.submission.Problem;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the team of a submission that does not name itself fully (a mail that only adds a proof, with the work title
 * in its subject): it joins a team only when the same sender sent that team's earlier submissions AND the work
 * titles agree. A sender match without the title is reported for a person to decide, never merged.
 */
@Component
class TeamMatcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamMatcher.class);

    /** The verdict: the team to join, or a problem to show, or neither. */
    record Match(Optional<String> teamKey, Optional<Problem> uncertain) {}

    private final ElasticsearchClient client;
    private final String views;

    TeamMatcher(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.views = index.alias("views");
    }

    Match match(Entry view, String from) {
        if (from.isBlank()) {
            return new Match(Optional.empty(), Optional.empty());
        }
        List<String> keys = teamKeysSentBy(from);
        String title = squash(view.workTitle());
        log.info(
                "Team match for a submission from {} titled '{}': teams sent by the same sender {}", from, title, keys);
        List<String> sameTitle = keys.stream()
                .filter(k -> !title.isEmpty() && k.endsWith("|" + title))
                .toList();
        if (sameTitle.size() == 1) {
            return new Match(Optional.of(sameTitle.get(0)), Optional.empty());
        }
        if (keys.isEmpty()) {
            return new Match(Optional.empty(), Optional.empty());
        }
        return new Match(
                Optional.empty(),
                Optional.of(new Problem(
                        "TEAM_MATCH_UNCERTAIN",
                        "该邮件的发件人此前提交过其他作品，但本次未能确认属于哪个作品（作品名称不一致或缺少统一社会信用代码），请人工确认。",
                        "Sender " + from + " sent submissions of " + keys.size()
                                + " team(s); work title did not decide",
                        "")));
    }

    private List<String> teamKeysSentBy(String from) {
        try {
            client.indices().refresh(r -> r.index(views));
            return client
                    .search(
                            s -> s.index(views)
                                    .size(50)
                                    .query(q -> q.term(t -> t.field("from").value(from))),
                            SubmissionView.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .map(SubmissionView::teamKey)
                    .filter(k -> !k.isEmpty())
                    .distinct()
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Could not look up earlier submissions of " + from, e);
        }
    }

    static String squash(String title) {
        return TextNormalizer.forMatching(title == null ? "" : title).replaceAll("[\\s\\p{P}\\p{S}]", "");
    }
}
