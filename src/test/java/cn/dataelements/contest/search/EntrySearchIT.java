package cn.dataelements.contest.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.support.TestTokens;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search over entries on a labelled set of Chinese queries: traditional, full-width and Latin forms find what is
 * written otherwise, a word as written ranks above its characters scattered (decoys), and the title and units rank
 * above the sections, the sections above the files. Filters count per facet, sorting and paging go through every hit
 * once, and highlights show the text as written.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntrySearchIT {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final SearchFixtures FIXTURES = fixtures();

    @Autowired
    ApiTokens tokens;

    @Autowired
    EntrySearch search;

    @Autowired
    cn.dataelements.contest.account.AccountStore accounts;

    @Autowired
    Indexer indexer;

    @Autowired
    IndexProperties index;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    cn.dataelements.contest.system.security.SecurityProperties security;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeAll
    void indexTheFixtures() throws Exception {
        indexer.index(
                index.writeAlias(EntrySearch.INDEX),
                FIXTURES.documents().stream().map(d -> new IndexItem(d.id(), d)).toList());
        client.indices().refresh(r -> r.index(index.alias(EntrySearch.INDEX)));
    }

    private static SearchFixtures fixtures() {
        return new SearchFixtures(TAG)
                .entry(
                        "A",
                        "气象指数保险数据服务平台",
                        "现代农业",
                        "威海农险科技有限公司",
                        "portal",
                        "2024-08-20T01:00:00Z",
                        "以气象数据为农户提供指数保险定价。",
                        null,
                        "申报书.docx",
                        "本平台为气象指数保险提供数据服务。")
                .entry(
                        "B",
                        "海洋牧场智能监测平台",
                        "现代农业",
                        "威海海洋牧业有限公司",
                        "mail",
                        "2024-08-20T02:00:00Z",
                        "监测水温与气象，数据用于保险理赔与养殖指数评估。",
                        null)
                .entry("C", "氣象災害預警系統", "城市治理", "威海應急科技有限公司", "mail", "2024-08-20T03:00:00Z", "利用氣象資料預警颱風與暴雨災害。", null)
                .entry(
                        "D",
                        "港航单证自动生成系统",
                        "工业制造",
                        "威海港航信息有限公司",
                        "export",
                        "2024-08-20T04:00:00Z",
                        "生成电子单证。",
                        null,
                        "报告.pdf",
                        "系统可一键导出ＰＤＦ报告并归档。")
                .entry("E", "智慧港口调度平台", "工业制造", "威海市港口集团有限公司", "mail", "2024-08-20T05:00:00Z", "优化泊位与堆场调度。", null)
                .entry(
                        "F",
                        "集装箱堆场优化系统",
                        "工业制造",
                        "威海某物流有限公司",
                        "mail",
                        "2024-08-20T06:00:00Z",
                        "本系统已在港口集团试点应用，提升作业效率。",
                        null)
                .entry(
                        "G",
                        "物流数据中台",
                        "工业制造",
                        "威海某数据有限公司",
                        "portal",
                        "2024-08-20T07:00:00Z",
                        "汇聚物流数据。",
                        null,
                        "案例证明.pdf",
                        "合作方：港口集团下属码头公司。")
                .entry("H", "跨境电商供应链金融平台", "商贸流通", "威海跨境通有限公司", "mail", "2024-08-20T08:00:00Z", "为中小外贸企业提供融资服务。", null)
                .entry("I", "供应链可视化平台", "商贸流通", "威海链动科技有限公司", "mail", "2024-08-20T09:00:00Z", "金融机构可查看供应链上的货物状态。", null)
                .entry(
                        "J",
                        "医疗影像协同诊断平台",
                        "医疗健康",
                        "威海医学影像中心",
                        "portal",
                        "2024-08-21T01:00:00Z",
                        "基层医院远程阅片。",
                        "MATERIAL_MISSING")
                .entry("K", "文旅客流预测平台", "文化旅游", "威海劉公島旅遊集團", "portal", "2024-08-21T02:00:00Z", "预测景区客流。", null)
                .entry("L", "AI质检平台", "工业制造", "威海智造有限公司", "mail", "2024-08-21T03:00:00Z", "基于深度学习的Vision检测。", null)
                .entry("M", "数据要素流通交易平台", "城市治理", "威海大数据中心", "export", "2024-08-21T04:00:00Z", "促进数据要素流通。", null)
                .entry("N", "要素市场分析系统", "城市治理", "威海市统计局", "export", "2024-08-21T05:00:00Z", "汇总数据资源与要素市场的分析。", null);
    }

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource({
        "气象指数保险, A, B",
        "氣象指數保險, A, B",
        "气象指数, A, B",
        "气象灾害, C, ",
        "氣象災害, C, ",
        "颱風, C, ",
        "台风, C, ",
        "PDF报告, D, ",
        "ＰＤＦ报告, D, ",
        "pdf报告, D, ",
        "港口集团, E, F",
        "港口調度, E, ",
        "供应链金融, H, I",
        "供應鏈金融, H, I",
        "医疗影像, J, ",
        "醫療影像, J, ",
        "刘公岛, K, ",
        "劉公島, K, ",
        "ai质检, L, ",
        "AI质检, L, ",
        "VISION, L, ",
        "数据要素, M, N",
        "數據要素, M, N",
        "远程阅片, J, ",
        "堆场, F, E",
        "集装箱, F, ",
        "单证, D, ",
        "客流, K, ",
    })
    void aLabelledQueryFindsItsEntryFirst(String query, String first, String below) throws Exception {
        List<String> ids = ids(search(query, Map.of()));

        assertThat(ids).as(query).isNotEmpty();
        assertThat(ids.get(0)).as(query).isEqualTo(FIXTURES.id(first));
        if (below != null) {
            assertThat(ids).as(query + ": the decoy comes after").contains(FIXTURES.id(below));
        }
    }

    @Test
    void aWordRanksByWhereItIsWrittenTitleAndUnitsThenSectionsThenFiles() throws Exception {
        assertThat(ids(search("港口集团", Map.of()))).startsWith(FIXTURES.id("E"), FIXTURES.id("F"), FIXTURES.id("G"));
    }

    @Test
    void highlightsShowTheTextAsWrittenAndNameTheMatchingFile() throws Exception {
        EntrySearch.EntryHit traditional = search("气象灾害", Map.of()).hits().get(0);
        assertThat(String.join("", traditional.highlights().get("title")))
                .contains("<em>")
                .contains("氣");

        EntrySearch.EntryHit file = search("PDF报告", Map.of()).hits().get(0);
        assertThat(file.files()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("报告.pdf");
            assertThat(String.join("", f.fragments())).contains("ＰＤＦ");
        });
    }

    @Test
    void filtersNarrowTheHitsAndEachFacetCountsUnderTheOtherFilters() throws Exception {
        EntrySearch.Result industry = search("", Map.of("track", List.of("工业制造")));
        assertThat(industry.total()).isEqualTo(5);
        assertThat(industry.facets().get("track"))
                .contains(new EntrySearch.Count("工业制造", 5), new EntrySearch.Count("现代农业", 2));
        assertThat(industry.facets().get("channel"))
                .contains(new EntrySearch.Count("mail", 3), new EntrySearch.Count("portal", 1));

        assertThat(ids(search("", Map.of("channel", List.of("portal")))))
                .containsExactlyInAnyOrder(FIXTURES.id("A"), FIXTURES.id("G"), FIXTURES.id("J"), FIXTURES.id("K"));
        assertThat(ids(search("", Map.of("code", List.of("MATERIAL_MISSING"))))).containsExactly(FIXTURES.id("J"));
        assertThat(search("物流", Map.of("track", List.of("工业制造"), "channel", List.of("portal")))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void pagesGoThroughEveryHitOnceInTitleOrder() throws Exception {
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            EntrySearch.Result page = search.search(
                    new EntrySearch.Request("", filters(Map.of()), null, null, EntrySearch.Sort.TITLE, after, 4));
            page.hits().forEach(h -> paged.add(h.title()));
            after = page.next();
        } while (after != null);

        assertThat(paged).hasSize(14).doesNotHaveDuplicates();
        assertThat(paged.subList(0, 2)).as("pinyin order: gǎng before gōng").containsExactly("港航单证自动生成系统", "供应链可视化平台");
    }

    @Test
    void aNumberedPageHoldsTheHitsThatPagingByTokenReachesThere() throws Exception {
        List<String> second = search
                .search(new EntrySearch.Request(
                        "", filters(Map.of()), null, null, EntrySearch.Sort.TITLE, null, 4, null, 4, false))
                .hits()
                .stream()
                .map(EntrySearch.EntryHit::id)
                .toList();
        EntrySearch.Result first = search.search(
                new EntrySearch.Request("", filters(Map.of()), null, null, EntrySearch.Sort.TITLE, null, 4));
        List<String> byToken = ids(search.search(
                new EntrySearch.Request("", filters(Map.of()), null, null, EntrySearch.Sort.TITLE, first.next(), 4)));

        assertThat(second).hasSize(4).isEqualTo(byToken);
    }

    @Test
    void wordsFindTheirFullMatchesAndCountThePartialOnesOneClickAway() throws Exception {
        EntrySearch.Result all = search("数据要素", Map.of());
        EntrySearch.Result full = search.search(
                new EntrySearch.Request("数据要素", filters(Map.of()), null, null, null, null, 50, null, 0, true));
        assertThat(ids(full)).as("only the entry holding the words as written").containsExactly(FIXTURES.id("M"));
        assertThat(full.total()).isEqualTo(1);
        assertThat(all.full()).isEqualTo(1);
        assertThat(full.partial())
                .as("entries holding 数据 or 要素 only are partial matches")
                .isEqualTo(all.total() - 1)
                .isGreaterThanOrEqualTo(3);

        cn.dataelements.contest.web.PageSession pages =
                cn.dataelements.contest.web.PageSession.newOrganizer(accounts, "http://127.0.0.1:" + port);
        String unit = "&unit=" + encode(FIXTURES.unit());
        String page = pages.get("/search?q=" + encode("数据要素") + unit).text();
        assertThat(page)
                .contains("id=\"full-total\">1<")
                .contains("id=\"partial-total\">" + full.partial() + "<")
                .contains("显示部分匹配");
        assertThat(hits(page)).as("partial matches folded away").isEqualTo(1);
        String toggle = org.springframework.web.util.HtmlUtils.htmlUnescape(
                page.replaceAll("(?s).*id=\"matches-toggle\" href=\"([^\"]+)\".*", "$1"));
        assertThat(hits(pages.get(toggle).text())).isEqualTo(all.total());

        String scattered = pages.get("/search?q=" + encode("要素数据") + unit).text();
        assertThat(scattered).contains("id=\"full-total\">0<").contains("id=\"only-partial\"");
        assertThat(hits(scattered))
                .as("nothing in full: the partial matches at once")
                .isPositive();
    }

    private static long hits(String page) {
        return java.util.regex.Pattern.compile("<article class=\"hit\"")
                .matcher(page)
                .results()
                .count();
    }

    @Test
    void aResultListIsExportedAsADownload() throws Exception {
        String query = "?format=csv&track=" + encode("工业制造") + "&unit=" + encode(FIXTURES.unit());
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/search/export" + query))
                                .header("Authorization", bearer())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .startsWith("attachment");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.body().lines())
                .hasSize(6)
                .anySatisfy(l -> assertThat(l).contains("智慧港口调度平台"));
    }

    private String bearer() {
        return TestTokens.bearer(tokens, security.adminUser());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private EntrySearch.Result search(String text, Map<String, List<String>> filters) throws Exception {
        return search.search(new EntrySearch.Request(text, filters(filters), null, null, null, null, 50));
    }

    private static Map<String, List<String>> filters(Map<String, List<String>> filters) {
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(filters);
        all.put("unit", List.of(FIXTURES.unit()));
        return all;
    }

    private static List<String> ids(EntrySearch.Result result) {
        return result.hits().stream().map(EntrySearch.EntryHit::id).toList();
    }
}
