package cn.dataelements.contest.entry;

import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.index.IndexingException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps each submission's own view and the team entries merged from them. Reads are real-time gets by id, never
 * searches, so a view written a moment ago is already part of the next merge (no refresh is waited for).
 */
@Component
public class EntryStore {

    private final ElasticsearchClient client;
    private final Indexer indexer;
    private final String views;
    private final String entries;
    private final EntryProperties stage;
    private final TeamMatcher matcher;

    EntryStore(
            ElasticsearchClient client,
            Indexer indexer,
            IndexProperties index,
            EntryProperties stage,
            TeamMatcher matcher) {
        this.matcher = matcher;
        this.client = client;
        this.indexer = indexer;
        this.views = index.alias("views");
        this.entries = index.alias("entries");
        this.stage = stage;
    }

    /**
     * Saves a submission's view and the entry it belongs to, merged with the team's other submissions.
     *
     * @param from the sender (mail From), used to find the team of a submission that does not name itself fully
     */
    public Entry save(Entry built, String from) {
        String sender = from == null ? "" : from.trim().toLowerCase(java.util.Locale.ROOT);
        Entry view = built.teamKey().isEmpty() ? joinTeam(built, sender) : built;
        SubmissionView own = new SubmissionView(
                view.versions().get(0).submissionId(),
                view.teamKey(),
                view.versions().get(0).receivedAt(),
                sender,
                view,
                People.contactPoints(view));
        indexer.index(views, List.of(new IndexItem(own.submissionId(), own)));
        List<SubmissionView> team = view.teamKey().isEmpty() ? List.of(own) : teamViews(view.id(), own);
        Entry merged = EntryVersions.merge(view.id(), team, stage.deadlineInstant());
        indexer.index(entries, List.of(new IndexItem(merged.id(), merged)));
        return merged;
    }

    private Entry joinTeam(Entry view, String sender) {
        TeamMatcher.Match match = matcher.match(view, sender);
        if (match.teamKey().isPresent()) {
            return EntryBuilder.withTeam(view, match.teamKey().get());
        }
        return match.uncertain().map(p -> EntryBuilder.withProblem(view, p)).orElse(view);
    }

    private List<SubmissionView> teamViews(String entryId, SubmissionView own) {
        Set<String> ids = new LinkedHashSet<>();
        get(entries, entryId, Entry.class).ifPresent(e -> e.submissions().forEach(s -> ids.add(s.id())));
        ids.remove(own.submissionId());
        List<SubmissionView> team = new ArrayList<>();
        for (String id : ids) {
            get(views, id, SubmissionView.class).ifPresent(team::add);
        }
        team.add(own);
        return team;
    }

    private <T> java.util.Optional<T> get(String alias, String id, Class<T> type) {
        try {
            GetResponse<T> found = client.get(g -> g.index(alias).id(id), type);
            return found.found() ? java.util.Optional.ofNullable(found.source()) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("Could not read " + alias + "/" + id, e);
        }
    }
}
