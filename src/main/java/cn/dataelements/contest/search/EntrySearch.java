package cn.dataelements.contest.search;

import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.system.text.CharacterPairs;
import cn.dataelements.contest.system.text.ChineseFolding;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Searches entries ({@code contest-search}). A query is folded as the texts were ({@link ChineseFolding}), then matched
 * in tiers: the query as written (a phrase) in the work title, then in the units, then in the five sections, then in a
 * file, each tier scoring far above the next and above every entry that holds the query's characters only scattered,
 * which comes last. Filters narrow the hits; each facet's counts are of the hits under every other filter. Sorted by
 * relevance, received time or title (Chinese collation), the entry id breaking ties; paged with {@code search_after}.
 */
@Service
public class EntrySearch {

    /** The index definition's name. */
    public static final String INDEX = "search";

    static final int MAX_SIZE = 200;

    /** The most hits an export holds. */
    static final int MAX_EXPORT = 20_000;

    /** A facet's field, by the name the API and the pages use. */
    static final Map<String, String> FACETS = facets();

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final String alias;

    EntrySearch(ElasticsearchClient client, ObjectMapper json, IndexProperties index) {
        this.client = client;
        this.json = json;
        this.alias = index.alias(INDEX);
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("track", "track");
        facets.put("topic", "topic");
        facets.put("channel", "channels");
        facets.put("severity", "severities");
        facets.put("code", "findingCodes");
        facets.put("decision", "decisions");
        facets.put("status", "versionStatus");
        facets.put("unit", "unitNames");
        return facets;
    }

    /** The sort orders. */
    public enum Sort {
        RELEVANCE,
        RECEIVED,
        TITLE
    }

    /**
     * What to search.
     *
     * @param text the words, or empty for every entry
     * @param filters per facet name, the values any of which an entry must have
     * @param from received at or after, or null
     * @param to received before, or null
     * @param after the page token of the last page's {@link Result#next}, or null
     * @param only the ids of the entries the user may see, or null for every entry: narrows the hits, the totals,
     *     the facets' counts and the exports alike
     * @param skip how many hits to pass over (a numbered page), 0 when paging by {@code after}
     * @param fullOnly only the entries holding the words as written (full matches), not those holding some of their
     *     parts only; the result counts both either way
     */
    public record Request(
            String text,
            Map<String, List<String>> filters,
            Instant from,
            Instant to,
            Sort sort,
            String after,
            int size,
            java.util.Set<String> only,
            int skip,
            boolean fullOnly) {

        /** A search paged by {@code after}, full and partial matches together. */
        public Request(
                String text,
                Map<String, List<String>> filters,
                Instant from,
                Instant to,
                Sort sort,
                String after,
                int size,
                java.util.Set<String> only) {
            this(text, filters, from, to, sort, after, size, only, 0, false);
        }

        /** The same search for another page, or with partial matches again. */
        Request paged(String after, int size, boolean fullOnly) {
            return new Request(text, filters, from, to, sort, after, size, only, 0, fullOnly);
        }

        /** A search over every entry. */
        public Request(
                String text,
                Map<String, List<String>> filters,
                Instant from,
                Instant to,
                Sort sort,
                String after,
                int size) {
            this(text, filters, from, to, sort, after, size, null);
        }
    }

    /** A hit: the entry's header, and where the query was found, highlighted (HTML-escaped, hits in {@code <em>}). */
    public record EntryHit(
            String id,
            String title,
            String track,
            String topic,
            List<String> units,
            List<String> channels,
            Instant receivedAt,
            List<String> severities,
            Map<String, List<String>> highlights,
            List<FileHit> files,
            Double score) {}

    /** A file whose text matched, with its highlighted fragments. */
    public record FileHit(String name, String path, List<String> fragments) {}

    /** A facet value and how many hits have it. */
    public record Count(String value, long count) {}

    /**
     * A page of hits.
     *
     * @param total how many entries match (only the full matches when the request asks for them only)
     * @param next the token of the next page, or null after the last
     * @param full how many entries hold the words as written; all of them when there are no words
     * @param partial how many entries hold only some of the words' parts (pairs of neighbouring characters)
     */
    public record Result(
            long total, List<EntryHit> hits, Map<String, List<Count>> facets, String next, long full, long partial) {}

    /** The most hits a numbered page reaches: Elasticsearch's result window. */
    public static final int MAX_SKIP = 10_000;

    public Result search(Request request) throws IOException {
        return search(request, true);
    }

    /** A page of hits; without facets (an export's pages) no facet is counted, and the result's facets are empty. */
    private Result search(Request request, boolean facets) throws IOException {
        int size = Math.max(1, Math.min(MAX_SIZE, request.size()));
        SearchResponse<EntrySearchDocument> response =
                client.search(searchRequest(request, facets), EntrySearchDocument.class);
        Highlighter highlighter = new Highlighter(folded(request));
        List<EntryHit> hits =
                response.hits().hits().stream().map(h -> hit(h, highlighter)).toList();
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        if (facets) {
            for (String name : FACETS.keySet()) {
                counts.put(
                        name,
                        response
                                .aggregations()
                                .get(name)
                                .filter()
                                .aggregations()
                                .get("values")
                                .sterms()
                                .buckets()
                                .array()
                                .stream()
                                .map(b -> new Count(b.key().stringValue(), b.docCount()))
                                .toList());
            }
        }
        List<Hit<EntrySearchDocument>> raw = response.hits().hits();
        String next = raw.size() < size ? null : token(raw.get(raw.size() - 1).sort());
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        long full = total;
        long partial = 0;
        if (facets && !folded(request).isEmpty()) {
            var matched = response.aggregations().get(MATCHED).filter();
            full = matched.aggregations().get(FULL).filter().docCount();
            partial = matched.docCount() - full;
        }
        return new Result(total, hits, counts, next, full, partial);
    }

    private static final String MATCHED = "_matched";
    private static final String FULL = "_full";

    /** The request Elasticsearch gets for a search: what {@link #search} sends, and the benchmark can print. */
    SearchRequest searchRequest(Request request, boolean facets) throws IOException {
        int size = Math.max(1, Math.min(MAX_SIZE, request.size()));
        String folded = folded(request);
        Query query = folded.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : tiers(folded);
        Sort sort = request.sort() == null ? (folded.isEmpty() ? Sort.RECEIVED : Sort.RELEVANCE) : request.sort();
        if (request.skip() < 0 || request.skip() > MAX_SKIP - size) {
            throw new InvalidSearchException(
                    "a page reaches at most hit " + MAX_SKIP + ", not " + ((long) request.skip() + size),
                    "最多只能翻到第 " + MAX_SKIP + " 件，请加上筛选条件缩小范围。");
        }
        SearchRequest.Builder search = new SearchRequest.Builder()
                .index(alias)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query)
                .postFilter(filters(request, null))
                .sort(sortOf(sort))
                .source(s -> s.filter(f -> f.excludes("files")));
        if (facets) {
            FACETS.forEach((name, field) -> search.aggregations(name, facet(request, name, field)));
            if (!folded.isEmpty()) {
                Query every = filters(request.paged(null, size, false), null);
                search.aggregations(MATCHED, a -> a.filter(every).aggregations(FULL, f -> f.filter(fullMatch(folded))));
            }
        }
        if (request.skip() > 0) {
            search.from(request.skip());
        }
        if (request.after() != null && !request.after().isBlank()) {
            search.searchAfter(after(request.after()));
        }
        return search.build();
    }

    /**
     * What came in, counted: entries per track, channel and finding severity, and per day of receipt (Beijing time).
     *
     * @param only the ids the user may see, or null for every entry
     */
    public record Overview(long total, Map<String, List<Count>> counts, List<Count> perDay) {}

    public Overview overview(java.util.Set<String> only) throws IOException {
        Request request = new Request("", Map.of(), null, null, null, null, 0, only);
        Query visible = filters(request, null);
        SearchResponse<Void> response = client.search(
                s -> {
                    s.index(alias).size(0).trackTotalHits(t -> t.enabled(true)).query(visible);
                    for (String name : List.of("track", "channel", "severity")) {
                        s.aggregations(
                                name,
                                a -> a.terms(t -> t.field(FACETS.get(name)).size(50)));
                    }
                    return s.aggregations(
                            "perDay",
                            a -> a.dateHistogram(d -> d.field("receivedAt")
                                    .calendarInterval(CalendarInterval.Day)
                                    .timeZone("+08:00")
                                    .format("yyyy-MM-dd")
                                    .minDocCount(1)));
                },
                Void.class);
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        for (String name : List.of("track", "channel", "severity")) {
            counts.put(
                    name,
                    response.aggregations().get(name).sterms().buckets().array().stream()
                            .map(b -> new Count(b.key().stringValue(), b.docCount()))
                            .toList());
        }
        List<Count> perDay = response.aggregations().get("perDay").dateHistogram().buckets().array().stream()
                .map(b -> new Count(b.keyAsString(), b.docCount()))
                .toList();
        long total =
                response.hits().total() == null ? 0 : response.hits().total().value();
        return new Overview(total, counts, perDay);
    }

    /** Every hit of a search, page after page (at most {@value #MAX_EXPORT}): what an export writes. */
    public List<EntryHit> all(Request request) throws IOException {
        List<EntryHit> all = new ArrayList<>();
        String after = null;
        do {
            Result page = search(request.paged(after, MAX_SIZE, request.fullOnly()), false);
            all.addAll(page.hits());
            after = page.next();
        } while (after != null && all.size() < MAX_EXPORT);
        return all.size() > MAX_EXPORT ? all.subList(0, MAX_EXPORT) : all;
    }

    /**
     * The query in tiers: the word as written in the title, the units, the sections, a file, each constant and far
     * above the next; then entries holding some of its parts (pairs of neighbouring characters), scored as usual, far
     * below every tier. Words are matched by their pair tokens ({@code _p}, {@link CharacterPairs}): two characters
     * are one term, more are a phrase of rare terms. A query of one character or one Latin word, which has no pair,
     * is matched on the folded copy ({@code _f}) instead.
     */
    private static Query tiers(String folded) {
        String pairs = CharacterPairs.tokens(folded);
        String suffix = pairs.isEmpty() ? "_f" : "_p";
        String words = pairs.isEmpty() ? folded : pairs;
        List<Query> should = new ArrayList<>();
        should.add(phrase("title" + suffix, words, 1_000_000f));
        should.add(phrase("units" + suffix, words, 500_000f));
        should.add(phrase("sections" + suffix, words, 100_000f));
        should.add(Query.of(q -> q.nested(n -> n.path("files")
                .scoreMode(ChildScoreMode.Max)
                .query(p -> p.constantScore(c -> c.filter(f -> f.matchPhrase(
                                m -> m.field("files.text" + suffix).query(words)))
                        .boost(10_000f)))
                .innerHits(i -> i.size(3)
                        .source(s -> s.filter(f -> f.includes("files.name", "files.path")))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                .type(HighlighterType.Unified)
                                .fields(
                                        "files.text",
                                        f -> f.matchedFields("files.text", "files.text_f")
                                                .highlightQuery(highlighted("files.text_f", folded))
                                                .numberOfFragments(2)
                                                .fragmentSize(120)))))));
        should.add(Query.of(
                q -> q.match(m -> m.field("title" + suffix).query(words).boost(3f))));
        should.add(Query.of(
                q -> q.match(m -> m.field("units" + suffix).query(words).boost(2f))));
        should.add(Query.of(q -> q.match(m -> m.field("sections" + suffix).query(words))));
        should.add(Query.of(q -> q.nested(n -> n.path("files")
                .scoreMode(ChildScoreMode.Max)
                .query(p ->
                        p.match(m -> m.field("files.text" + suffix).query(words).boost(0.5f))))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /**
     * What to highlight in a folded copy: the word as written, and each of its parts (pairs of neighbouring
     * characters) that made an entry a partial match.
     */
    private static Query highlighted(String field, String folded) {
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(folded))));
        for (String pair : CharacterPairs.pairTexts(folded)) {
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(field).query(pair))));
        }
        return Query.of(q -> q.bool(b -> b.should(should)));
    }

    /** The entries holding the words as written: in the title, a unit, a section or a file. */
    private static Query fullMatch(String folded) {
        String pairs = CharacterPairs.tokens(folded);
        String suffix = pairs.isEmpty() ? "_f" : "_p";
        String words = pairs.isEmpty() ? folded : pairs;
        List<Query> should = new ArrayList<>();
        for (String field : List.of("title", "units", "sections")) {
            should.add(Query.of(q -> q.matchPhrase(m -> m.field(field + suffix).query(words))));
        }
        should.add(Query.of(q -> q.nested(n -> n.path("files")
                .query(p -> p.matchPhrase(m -> m.field("files.text" + suffix).query(words))))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    private static Query phrase(String field, String folded, float boost) {
        return Query.of(q -> q.constantScore(c ->
                c.filter(f -> f.matchPhrase(m -> m.field(field).query(folded))).boost(boost)));
    }

    /** Every filter of the request but the one of {@code except}: a facet counts what its own filter would add. */
    private static Query filters(Request request, String except) {
        List<Query> must = new ArrayList<>();
        String folded = folded(request);
        if (request.fullOnly() && !folded.isEmpty()) {
            must.add(fullMatch(folded));
        }
        if (request.only() != null) {
            List<String> ids = List.copyOf(request.only());
            must.add(Query.of(q -> q.ids(i -> i.values(ids))));
        }
        request.filters().forEach((name, values) -> {
            String field = FACETS.get(name);
            if (field != null && !name.equals(except) && values != null && !values.isEmpty()) {
                List<FieldValue> any = values.stream().map(FieldValue::of).toList();
                must.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any)))));
            }
        });
        if (request.from() != null || request.to() != null) {
            must.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("receivedAt");
                if (request.from() != null) {
                    d.gte(request.from().toString());
                }
                if (request.to() != null) {
                    d.lt(request.to().toString());
                }
                return d;
            }))));
        }
        return Query.of(q -> q.bool(b -> b.filter(must)));
    }

    private static Aggregation facet(Request request, String name, String field) {
        return Aggregation.of(a -> a.filter(filters(request, name))
                .aggregations("values", v -> v.terms(t -> t.field(field).size(50))));
    }

    private static List<SortOptions> sortOf(Sort sort) {
        List<SortOptions> sorts = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> sorts.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
            case RECEIVED ->
                sorts.add(SortOptions.of(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc))));
            case TITLE ->
                sorts.add(SortOptions.of(o -> o.field(f -> f.field("titleSort").order(SortOrder.Asc))));
        }
        sorts.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return sorts;
    }

    private static String folded(Request request) {
        return ChineseFolding.fold(request.text() == null ? "" : request.text().strip());
    }

    /**
     * A hit as the API answers it: the title, units and sections highlighted here ({@link Highlighter}), the files'
     * fragments by Elasticsearch.
     */
    private static EntryHit hit(Hit<EntrySearchDocument> hit, Highlighter highlighter) {
        EntrySearchDocument d = hit.source();
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        String title = highlighter.whole(d.title(), d.title_f());
        if (title != null) {
            highlights.put("title", List.of(title));
        }
        String units = highlighter.whole(d.units(), d.units_f());
        if (units != null) {
            highlights.put("units", List.of(units.split("\n")));
        }
        List<String> sections = highlighter.fragments(d.sections(), d.sections_f(), 3, 120);
        if (!sections.isEmpty()) {
            highlights.put("sections", sections);
        }
        List<FileHit> files = new ArrayList<>();
        InnerHitsResult inner = hit.innerHits().get("files");
        if (inner != null) {
            for (Hit<JsonData> file : inner.hits().hits()) {
                Map<?, ?> source =
                        file.source() == null ? Map.of() : file.source().to(Map.class);
                files.add(new FileHit(
                        String.valueOf(source.get("name")),
                        String.valueOf(source.get("path")),
                        file.highlight().getOrDefault("files.text", List.of()).stream()
                                .map(Highlighter::tidy)
                                .toList()));
            }
        }
        return new EntryHit(
                d.id(),
                d.title(),
                d.track(),
                d.topic(),
                d.unitNames(),
                d.channels(),
                d.receivedAt(),
                d.severities(),
                highlights,
                files,
                hit.score());
    }

    /** The sort values of a page's last hit, as the next page's token. */
    private String token(List<FieldValue> sort) throws IOException {
        List<Object> values = sort.stream().map(v -> v._get()).toList();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(values));
    }

    private List<FieldValue> after(String token) throws IOException {
        List<?> values;
        try {
            values = json.readValue(Base64.getUrlDecoder().decode(token), List.class);
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("Not a page token: " + token, e);
        }
        return values.stream()
                .map(v -> v instanceof Number n
                        ? (n instanceof Double || n instanceof Float
                                ? FieldValue.of(n.doubleValue())
                                : FieldValue.of(n.longValue()))
                        : FieldValue.of(String.valueOf(v)))
                .toList();
    }
}
