package cn.dataelements.contest.entry;

import cn.dataelements.contest.archive.ReceivedOrder;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Keeps each submission's own view and the team entries merged from them. Reads are real-time gets by id, never
 * searches, so a view written a moment ago is already part of the next merge. An entry is read, merged and written
 * back only if nobody wrote it in between (optimistic concurrency, {@link Indexer#update}): two writers of one team
 * (two routes, a rebuild beside intake) each see the other's submission, and neither is dropped.
 */
@Component
public class EntryStore {

    private final Indexer indexer;
    private final String views;
    private final String entries;
    private final EntryProperties stage;
    private final TeamMatcher matcher;
    private final VersionNumbers numbers;
    private final EntryLookup lookup;

    EntryStore(
            Indexer indexer,
            IndexProperties index,
            EntryProperties stage,
            TeamMatcher matcher,
            VersionNumbers numbers,
            EntryLookup lookup) {
        this.lookup = lookup;
        this.matcher = matcher;
        this.indexer = indexer;
        this.views = index.writeAlias("views");
        this.entries = index.writeAlias("entries");
        this.stage = stage;
        this.numbers = numbers;
    }

    /**
     * Saves a submission's view and the entry it belongs to, merged with the team's other submissions.
     *
     * @param built the entry this submission alone makes
     * @param submission the submission as indexed: its sender finds the team of a submission that does not name
     *     itself fully, and its source facts place it in the order of receipt
     */
    public Saved save(Entry built, SubmissionDocument submission) {
        String sender =
                submission.from() == null ? "" : submission.from().trim().toLowerCase(Locale.ROOT);
        Entry view = built.teamKey().isEmpty() ? joinTeam(built, sender) : built;
        SubmissionView own = new SubmissionView(
                submission.id(),
                view.teamKey(),
                submission.receivedAt(),
                sender,
                view,
                People.contactPoints(view),
                order(submission));
        indexer.index(views, List.of(new IndexItem(own.submissionId(), own)));
        lookup.viewWritten(own);
        AtomicReference<Map<String, Integer>> given = new AtomicReference<>();
        Entry merged = indexer.update(entries, view.id(), Entry.class, current -> {
            EntryVersions.Merged m = merge(view, own, current);
            given.set(m.numbers());
            return m.entry();
        });
        lookup.entryWritten(merged);
        numbers.keep(merged.id(), given.get());
        return new Saved(merged, view);
    }

    /** The entry as saved, and the view of the submission on its own (its own problems, its own form's contact). */
    public record Saved(Entry entry, Entry view) {}

    private EntryVersions.Merged merge(Entry view, SubmissionView own, Optional<Entry> current) {
        List<SubmissionView> team = view.teamKey().isEmpty() ? List.of(own) : teamViews(current, own);
        Map<String, Integer> known = new HashMap<>();
        current.ifPresent(e -> e.versions().forEach(v -> known.put(v.submissionId(), v.number())));
        known.putAll(numbers.of(view.id()));
        return EntryVersions.merge(view.id(), team, stage.deadlineInstant(), known);
    }

    private Entry joinTeam(Entry view, String sender) {
        TeamMatcher.Match match = matcher.match(view, sender);
        if (match.teamKey().isPresent()) {
            return EntryBuilder.withTeam(view, match.teamKey().get());
        }
        return match.uncertain().map(p -> EntryBuilder.withProblem(view, p)).orElse(view);
    }

    private List<SubmissionView> teamViews(Optional<Entry> current, SubmissionView own) {
        Set<String> ids = new LinkedHashSet<>();
        current.ifPresent(e -> e.submissions().forEach(s -> ids.add(s.id())));
        ids.remove(own.submissionId());
        List<SubmissionView> team = new java.util.ArrayList<>();
        for (String id : ids) {
            indexer.get(views, id, SubmissionView.class).ifPresent(team::add);
        }
        team.add(own);
        return team;
    }

    private static ReceivedOrder order(SubmissionDocument submission) {
        SubmissionDocument.Source source = submission.source();
        return new ReceivedOrder(
                submission.receivedAt(),
                submission.route(),
                source == null ? -1 : source.uidValidity(),
                source == null ? -1 : source.uid(),
                submission.id());
    }
}
