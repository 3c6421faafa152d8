package cn.dataelements.contest.entry;

import cn.dataelements.contest.index.ElasticsearchFailures;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The look-ups intake makes by something other than an id, kept in memory: the teams a sender or a contact point has
 * submitted for (team matching), and the entries that share a team (a unit and the title) or a person's phone or e-mail
 * (cross-entry findings). Searching the index for them needs a refresh before every search, or the writes of the last
 * second are missed; this index in the heap is read at start from the write aliases and kept current by every write
 * the store makes. Small: a few keys per submission and per entry.
 */
@Component
@DependsOn("indexInstaller")
public class EntryLookup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EntryLookup.class);
    private static final int PAGE = 1000;

    /** The part of a view the look-up is made of. */
    record ViewKeys(String submissionId, String teamKey, String from, List<String> contactPoints) {}

    /** The part of an entry the look-up is made of. */
    record EntryKeys(String id, String workTitle, List<Entry.Unit> units, List<Entry.Representative> representatives) {}

    private final ElasticsearchClient client;
    private final String views;
    private final String entries;
    private final Map<String, Set<String>> teamsByPoint = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> entriesByKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysOfEntry = new ConcurrentHashMap<>();

    EntryLookup(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.views = index.writeAlias("views");
        this.entries = index.writeAlias("entries");
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        scan(
                views,
                List.of("submissionId", "teamKey", "from", "contactPoints"),
                ViewKeys.class,
                v -> addView(v.teamKey(), v.from(), v.contactPoints()));
        scan(
                entries,
                List.of("id", "workTitle", "units", "representatives"),
                EntryKeys.class,
                e -> putEntry(e.id(), keys(e.workTitle(), e.units(), e.representatives())));
        log.info(
                "Entry look-up read: {} contact keys, {} entry keys, in {} ms",
                teamsByPoint.size(),
                entriesByKey.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The team keys of earlier submissions sent from this address or naming one of these contact points. */
    public Set<String> teamsOf(String from, Collection<String> contactPoints) {
        Set<String> teams = new TreeSet<>();
        if (from != null && !from.isBlank()) {
            teams.addAll(teamsByPoint.getOrDefault("from:" + from, Set.of()));
        }
        contactPoints.forEach(p -> teams.addAll(teamsByPoint.getOrDefault("cp:" + p, Set.of())));
        return teams;
    }

    /**
     * The ids of the other entries that may conflict with this one: those with a unit's credit code and the work title
     * in common (the same team), or a person's phone or e-mail (the same person). Entries that share only a unit are
     * not returned: a university sends many teams, and none of them conflicts with another for that alone.
     */
    public Set<String> sharing(Entry entry) {
        Set<String> ids = new TreeSet<>();
        keys(entry.workTitle(), entry.units(), entry.representatives())
                .forEach(key -> ids.addAll(entriesByKey.getOrDefault(key, Set.of())));
        ids.remove(entry.id());
        return ids;
    }

    /** A submission's view was written: its team can now be found by its sender and contact points. */
    void viewWritten(SubmissionView view) {
        addView(view.teamKey(), view.from(), view.contactPoints());
    }

    /** An entry was written: it is now found by its units' credit codes and its people, and no longer by old ones. */
    void entryWritten(Entry entry) {
        putEntry(entry.id(), keys(entry.workTitle(), entry.units(), entry.representatives()));
    }

    /** Forgets everything: the indices it was read from are being replaced by new, empty ones (a rebuild). */
    public synchronized void clear() {
        teamsByPoint.clear();
        entriesByKey.clear();
        keysOfEntry.clear();
    }

    private void addView(String teamKey, String from, List<String> contactPoints) {
        if (teamKey == null || teamKey.isEmpty()) {
            return;
        }
        if (from != null && !from.isBlank()) {
            teamsByPoint
                    .computeIfAbsent("from:" + from, k -> ConcurrentHashMap.newKeySet())
                    .add(teamKey);
        }
        if (contactPoints != null) {
            contactPoints.forEach(p -> teamsByPoint
                    .computeIfAbsent("cp:" + p, k -> ConcurrentHashMap.newKeySet())
                    .add(teamKey));
        }
    }

    private synchronized void putEntry(String id, Set<String> keys) {
        Set<String> before = keysOfEntry.put(id, keys);
        if (before != null) {
            before.stream()
                    .filter(k -> !keys.contains(k))
                    .forEach(k -> entriesByKey.computeIfPresent(k, (key, ids) -> {
                        ids.remove(id);
                        return ids.isEmpty() ? null : ids;
                    }));
        }
        keys.forEach(k -> entriesByKey
                .computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet())
                .add(id));
    }

    /**
     * As the cross-entry rule compares them: a unit's credit code with the comparable work title, a person's phone
     * and e-mail as {@link People} normalizes them (a phone written with dashes is the same phone).
     */
    private static Set<String> keys(String workTitle, List<Entry.Unit> units, List<Entry.Representative> people) {
        Set<String> keys = new TreeSet<>();
        String title = Entry.comparableTitle(workTitle);
        if (units != null && !title.isEmpty()) {
            units.stream()
                    .map(Entry.Unit::creditCode)
                    .filter(ok())
                    .forEach(c -> keys.add("team:" + c.strip() + "|" + title));
        }
        if (people != null) {
            people.stream().map(p -> People.phone(p.phone())).filter(ok()).forEach(p -> keys.add("phone:" + p));
            people.stream().map(p -> People.email(p.email())).filter(ok()).forEach(e -> keys.add("email:" + e));
        }
        return keys;
    }

    private static java.util.function.Predicate<String> ok() {
        return v -> v != null && !v.isBlank();
    }

    /** Reads every document of the alias, these fields only, the first field being its id to page by. */
    private <T> void scan(String alias, List<String> fields, Class<T> type, Consumer<T> each) {
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                List<Hit<T>> hits = client.search(
                                s -> {
                                    s.index(alias)
                                            .size(PAGE)
                                            .source(src -> src.filter(f -> f.includes(fields)))
                                            .sort(o -> o.field(
                                                    f -> f.field(fields.get(0)).order(SortOrder.Asc)));
                                    return from == null ? s : s.searchAfter(from);
                                },
                                type)
                        .hits()
                        .hits();
                hits.stream()
                        .map(Hit::source)
                        .filter(java.util.Objects::nonNull)
                        .forEach(each);
                if (hits.size() < PAGE) {
                    return;
                }
                after = new ArrayList<>(hits.get(hits.size() - 1).sort());
            }
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Could not read " + alias + " for the entry look-up", e);
        }
    }
}
