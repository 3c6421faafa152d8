package cn.dataelements.contest.search;

import cn.dataelements.contest.compliance.CheckInput;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.Evidence;
import cn.dataelements.contest.compliance.Finding;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.entry.MaterialKind;
import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The search section of {@code bin/benchmark}: bulk-loads synthetic entries of realistic size (five sections of a few
 * thousand characters, a file text of tens of thousands) into an index of its own ({@code bench-search}, from the
 * app's definition), then runs a fixed mix of Chinese queries with filters at a fixed concurrency, warm, and prints
 * p50, p95 and p99. Arguments: {@code elasticsearch=URI entries=20000 concurrency=4 queries=2000}, and {@code show=N}
 * to print the JSON request of the mix's N-th query.
 */
public final class SearchBenchmark {

    private static final String[] WORDS = {
        "数据", "平台", "海洋", "牧场", "港口", "调度", "气象", "保险", "供应链", "金融", "医疗", "影像", "文旅", "客流",
        "政务", "共享", "追溯", "质检", "能源", "交通", "应急", "预警", "农业", "渔业", "物流", "仓储", "信用", "融资",
        "模型", "治理", "安全", "隐私", "标注", "算力", "协同", "诊断", "养殖", "水质", "气候", "碳排"
    };
    private static final String[] TRACKS = {
        "工业制造", "现代农业", "商贸流通", "交通运输", "金融服务", "科技创新", "文化旅游", "医疗健康", "应急管理", "气象服务", "城市治理", "绿色低碳", "数字机关"
    };
    private static final String[] CHANNELS = {"mail", "portal", "export"};

    /** Entries per bulk request: each is about 0.5 MB with its folded copies and pair tokens, and the node refuses a
     * bulk over a tenth of its heap. */
    private static final int BULK = 25;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int entries = Integer.parseInt(options.getOrDefault("entries", "20000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "2000"));
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        // The force-merge after the load takes minutes at 20,000 entries: no socket timeout cuts it short.
        try (RestClient rest = RestClient.builder(HttpHost.create(options.get("elasticsearch")))
                .setRequestConfigCallback(c -> c.setSocketTimeout(0))
                .build()) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(json)));
            IndexProperties properties =
                    new IndexProperties(options.getOrDefault("prefix", "bench"), Path.of("mappings/elasticsearch"));
            load(client, properties, entries);
            EntrySearch search = new EntrySearch(client, json, properties);
            List<EntrySearch.Request> mix = mix();
            if (options.containsKey("show")) {
                EntrySearch.Request shown = mix.get(Integer.parseInt(options.get("show")));
                System.out.println("search: the request of " + shown + ":\n"
                        + co.elastic.clients.json.JsonpUtils.toJsonString(
                                search.searchRequest(shown, true), client._jsonpMapper()));
            }
            run(search, mix, Math.min(queries, 200), concurrency);
            List<Long> micros = run(search, mix, queries, concurrency);
            printKinds(mix, micros);
            Collections.sort(micros);
            System.out.printf(
                    "search: %d entries, %d queries (%d kinds: words, traditional, filters, sorts), concurrency %d,"
                            + " warm%n  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    entries,
                    micros.size(),
                    mix.size(),
                    concurrency,
                    percentile(micros, 50),
                    percentile(micros, 95),
                    percentile(micros, 99),
                    micros.get(micros.size() - 1) / 1000.0);
        }
    }

    private static void load(ElasticsearchClient client, IndexProperties properties, int entries) throws Exception {
        String alias = properties.alias(EntrySearch.INDEX);
        if (client.indices().existsAlias(a -> a.name(alias)).value()
                && client.count(c -> c.index(alias)).count() == entries) {
            System.out.println("search: " + entries + " entries already loaded in " + alias);
            return;
        }
        String index = alias + "-" + System.currentTimeMillis();
        String definition = Files.readString(Path.of("mappings/elasticsearch/search.index.json"));
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
        client.indices().putSettings(s -> s.index(index).settings(t -> t.refreshInterval(r -> r.time("-1"))));
        long start = System.nanoTime();
        for (int from = 0; from < entries; from += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            // Each entry from a seed of its own, made in parallel: folding the texts is most of the work.
            List<EntrySearchDocument> documents = java.util.stream.IntStream.range(from, Math.min(entries, from + BULK))
                    .parallel()
                    .mapToObj(i -> document(i, new Random(42L * 1_000_003 + i)))
                    .toList();
            for (EntrySearchDocument document : documents) {
                bulk.operations(
                        o -> o.index(x -> x.index(index).id(document.id()).document(document)));
            }
            var response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException(
                        "bulk load failed: " + response.items().get(0).error());
            }
        }
        client.indices().putSettings(s -> s.index(index).settings(t -> t.refreshInterval(r -> r.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
        client.indices()
                .updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(alias))));
        System.out.printf("search: %d entries loaded in %.0f s%n", entries, (System.nanoTime() - start) / 1e9);
    }

    private static EntrySearchDocument document(int n, Random random) {
        String title = words(random, 3) + "平台";
        List<FormSection> sections = new ArrayList<>();
        for (String key : List.of("overview", "solution", "value", "business", "team")) {
            sections.add(new FormSection(key, key, true, key, text(random, 2_500), List.of()));
        }
        Material file = new Material("证明材料.pdf", "mail/证明材料.pdf", MaterialKind.OTHER, "s" + n, "0".repeat(64));
        Instant received = Instant.parse("2024-08-01T00:00:00Z").plusSeconds(random.nextInt(40 * 86_400));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        Entry entry = new Entry(
                "bench-" + n,
                List.of(new Entry.EntrySubmission("s" + n, channel, "", received)),
                new Entry.Track(random.nextInt(TRACKS.length) + 1, TRACKS[random.nextInt(TRACKS.length)]),
                "",
                title,
                "",
                List.of(new Entry.Unit("威海" + words(random, 2) + "有限公司", "", true)),
                List.of(),
                new Entry.Contact("", "", ""),
                sections,
                List.of(file),
                List.of(),
                "received",
                "",
                List.of(new Entry.Version(1, "s" + n, received, false, List.of(file))),
                1,
                null,
                List.of(),
                "");
        List<CheckedFinding> findings = random.nextInt(4) == 0
                ? List.of(new CheckedFinding(
                        new Finding("MATERIAL_MISSING", Severity.WARNING, "缺少材料", new Evidence("", "", "", -1)),
                        "",
                        null))
                : List.of();
        return EntrySearchDocument.of(
                new CheckInput(entry, Map.of(file.path(), text(random, 20_000)), channel),
                new EntryFindings(entry.id(), received, findings, List.of()),
                received);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String text(Random random, int characters) {
        StringBuilder text = new StringBuilder(characters + 20);
        while (text.length() < characters) {
            text.append(words(random, 6)).append(random.nextInt(3) == 0 ? "。" : "，");
        }
        return text.toString();
    }

    /** The query mix: words as written and in traditional characters, with and without filters and sorts. */
    private static List<EntrySearch.Request> mix() {
        List<EntrySearch.Request> mix = new ArrayList<>();
        for (String q : List.of("海洋牧场", "港口调度", "氣象保險", "供應鏈金融", "医疗影像", "数据", "政务共享平台", "渔业")) {
            mix.add(new EntrySearch.Request(q, Map.of(), null, null, null, null, 20));
            mix.add(new EntrySearch.Request(q, Map.of("track", List.of("现代农业")), null, null, null, null, 20));
            mix.add(new EntrySearch.Request(
                    q,
                    Map.of("channel", List.of("portal"), "severity", List.of("warning")),
                    null,
                    null,
                    EntrySearch.Sort.RECEIVED,
                    null,
                    20));
        }
        mix.add(new EntrySearch.Request("", Map.of(), null, null, EntrySearch.Sort.TITLE, null, 20));
        return mix;
    }

    private static List<Long> run(EntrySearch search, List<EntrySearch.Request> mix, int queries, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> timings = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                EntrySearch.Request request = mix.get(i % mix.size());
                timings.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    search.search(request);
                    return (System.nanoTime() - start) / 1000;
                }));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<Long> timing : timings) {
                micros.add(timing.get());
            }
            return micros;
        } finally {
            pool.shutdown();
        }
    }

    /** The median of each kind of query, in the mix's order: where the time goes. */
    private static void printKinds(List<EntrySearch.Request> mix, List<Long> micros) {
        for (int kind = 0; kind < mix.size(); kind++) {
            List<Long> times = new ArrayList<>();
            for (int i = kind; i < micros.size(); i += mix.size()) {
                times.add(micros.get(i));
            }
            Collections.sort(times);
            EntrySearch.Request request = mix.get(kind);
            System.out.printf(
                    "  %-8s %-40s %-9s p50 %.1f ms%n",
                    request.text().isEmpty() ? "(none)" : request.text(),
                    request.filters(),
                    request.sort() == null ? "default" : request.sort().name().toLowerCase(java.util.Locale.ROOT),
                    percentile(times, 50));
        }
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
