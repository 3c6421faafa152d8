package cn.dataelements.contest.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.review.Assignments;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import cn.dataelements.contest.system.text.ChineseFolding;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request mapping of the app, found by enumerating them (so a new endpoint is covered the day it is added), is
 * called anonymously, as a reviewer with no assignment, and, for the admin calls, as a committee member: none of them
 * gets any data. A reviewer with the entry assigned in a blind round gets nothing that names the team (its id, which
 * public data leads back to, its unit, members or credit code), and none of their POSTs changes anything. A page's
 * POST without its CSRF token is refused, and with it accepted.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessIT {

    private static final String PASSWORD = "a-long-test-password";

    private static final String BLIND_ROUND = "access-check";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** What names the team of the test's entry, besides its id: its units, members, credit code and phones. */
    private static final List<String> IDENTIFYING =
            List.of("海悦", "哈尔滨工业大学", "刘欣怡", "曲晓东", "913710033340182272", "15966552667", "13800000000");

    /** The tables a reviewer's POST could change. */
    private static final List<String> STATE = List.of(
            "accounts",
            "decisions",
            "watch_list_imports",
            "exam_imports",
            "review_rounds",
            "review_round_entries",
            "review_assignments",
            "review_scores",
            "review_advancements",
            "review_notices",
            "review_objections",
            "review_objection_decisions");

    /** Pages anyone may load: they show no contest data. */
    private static final Set<String> PUBLIC = Set.of("/login", "/error");

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    AccountStore accounts;

    @Autowired
    SecurityProperties security;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    Rounds rounds;

    @Autowired
    Assignments assignments;

    @Autowired
    JdbcClient db;

    @LocalServerPort
    int port;

    private Entry entry;
    private String reviewer;
    private String committee;
    private String blindReviewer;
    private String code;

    /** A request the app maps: its method and its path with every variable filled in. */
    record Call(String method, String path) {}

    @BeforeAll
    void anEntryAndTheAccounts() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-权限测试平台" + tag)
                        .body("联系电话 13800000000")
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, "轮胎智能工厂质量数据分析平台", "权限测试平台" + tag))
                        .attach(
                                "证明材料.pdf",
                                "application/pdf",
                                Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"))));
        reviewer = account("reviewer-" + tag, Role.REVIEWER);
        committee = account("committee-" + tag, Role.COMMITTEE);
        blindReviewer = account("blind-" + tag, Role.REVIEWER);
        CompliantEntries.overruleBlocking(decisions, entry.id());
        rounds.open(BLIND_ROUND, "test");
        assignments.assign(BLIND_ROUND, entry.id(), blindReviewer, "test");
        code = rounds.entry(BLIND_ROUND, entry.id()).orElseThrow().code();
    }

    private String account(String name, Role role) {
        accounts.create(new AccountStore.Change(name, name, PASSWORD, Set.of(role), "某单位", "", "", "", true), "test");
        return name;
    }

    @Test
    void theEnumerationFindsTheEndpointsItMustGuard() {
        assertThat(calls())
                .extracting(Call::path)
                .contains(
                        "/api/search",
                        "/api/search/export",
                        "/api/submissions",
                        "/api/entries/" + entry.id(),
                        "/search",
                        "/entries/" + entry.id(),
                        "/admin",
                        "/intake");
    }

    @Test
    void anonymousCallsGetNoData() throws Exception {
        PageSession anonymous = PageSession.anonymous(base());
        for (Call call : calls()) {
            if (PUBLIC.contains(call.path())) {
                continue;
            }
            PageSession.Answer answer = call.path().startsWith("/api/")
                    ? api(call, null)
                    : call.method().equals("GET")
                            ? anonymous.get(call.path())
                            : anonymous.post(call.path(), Map.of(), false);
            assertThat(answer.status()).as(call + " anonymously").isIn(302, 401, 403);
            if (answer.status() == 302) {
                assertThat(answer.location())
                        .as(call + " sends to the sign-in page")
                        .endsWith("/login");
            }
            assertNoData(call + " anonymously", answer);
        }
    }

    @Test
    void aReviewerWithoutAssignmentsGetsNoData() throws Exception {
        PageSession pages = PageSession.signedIn(base(), reviewer, PASSWORD);
        for (Call call : calls()) {
            if (PUBLIC.contains(call.path())) {
                continue;
            }
            PageSession.Answer answer = call.path().startsWith("/api/")
                    ? api(call, reviewer)
                    : call.method().equals("GET") ? pages.get(call.path()) : pages.post(call.path(), Map.of(), true);
            assertThat(answer.status()).as(call + " as a reviewer").isIn(200, 302, 400, 403, 404);
            assertNoData(call + " as a reviewer", answer);
        }
    }

    @Test
    void aReviewerInABlindRoundGetsNothingThatNamesTheTeamAndTheirPostsChangeNothing() throws Exception {
        PageSession pages = PageSession.signedIn(base(), blindReviewer, PASSWORD);
        assertThat(pages.get("/reviewing").text()).as("the reviewer's own page").contains(code);
        String before = state();
        for (Call call : calls()) {
            if (PUBLIC.contains(call.path())) {
                continue;
            }
            PageSession.Answer answer = call.path().startsWith("/api/")
                    ? api(call, blindReviewer)
                    : call.method().equals("GET") ? pages.get(call.path()) : pages.post(call.path(), Map.of(), true);
            assertThat(answer.status())
                    .as(call + " as the blind round's reviewer")
                    .isIn(200, 302, 400, 403, 404);
            for (String text : texts(answer)) {
                // an error may repeat the path it was asked for: that tells the caller nothing new
                String told = text.replace(call.path(), "");
                assertThat(told).as(call + ": the entry's id").doesNotContain(entry.id());
                for (String name : IDENTIFYING) {
                    assertThat(ChineseFolding.fold(told))
                            .as(call + " names " + name)
                            .doesNotContain(ChineseFolding.fold(name));
                }
            }
        }
        assertThat(state()).as("what the reviewer's POSTs changed").isEqualTo(before);
    }

    @Test
    void aCommitteeMemberIsRefusedEveryAdminCall() throws Exception {
        PageSession pages = PageSession.signedIn(base(), committee, PASSWORD);
        List<Call> admin = calls().stream()
                .filter(c -> c.path().startsWith("/api/admin") || c.path().startsWith("/admin"))
                .toList();
        assertThat(admin).isNotEmpty();
        for (Call call : admin) {
            int status = call.path().startsWith("/api/")
                    ? api(call, committee).status()
                    : call.method().equals("GET")
                            ? pages.get(call.path()).status()
                            : pages.post(call.path(), Map.of(), true).status();
            assertThat(status).as(call + " as a committee member").isEqualTo(403);
        }
    }

    @Test
    void aPagePostWithoutItsCsrfTokenIsRefused() throws Exception {
        PageSession admin = PageSession.signedIn(base(), security.adminUser(), security.adminPassword());
        Map<String, String> form = Map.of(
                "username",
                "csrf-" + UUID.randomUUID().toString().substring(0, 8),
                "password",
                PASSWORD,
                "roles",
                "ORGANIZER",
                "enabled",
                "true");

        assertThat(admin.post("/admin/accounts", form, false).status()).isEqualTo(403);
        assertThat(accounts.find(form.get("username"))).isEmpty();

        assertThat(admin.post("/admin/accounts", form, true).status()).isEqualTo(302);
        assertThat(accounts.find(form.get("username"))).isPresent();
    }

    @Test
    void aForgedCrossSitePostWithCachedCredentialsIsRefused() throws Exception {
        PageSession organizer = PageSession.signedIn(base(), security.adminUser(), security.adminPassword());
        String cachedBasic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((security.adminUser() + ":" + security.adminPassword()).getBytes(UTF_8));

        PageSession.Answer api = organizer.crossSitePost("/api/review/rounds/" + BLIND_ROUND + "/close", cachedBasic);
        PageSession.Answer page = organizer.crossSitePost("/review/rounds/" + BLIND_ROUND + "/close", cachedBasic);

        assertThat(api.status())
                .as("the API takes neither the cookie nor basic")
                .isEqualTo(401);
        assertThat(page.status()).as("a page POST without its CSRF token").isEqualTo(403);
        assertThat(rounds.status(BLIND_ROUND)).isEqualTo(Rounds.Status.OPEN);
    }

    /** Every mapping of the app, each path variable filled with a value that names something real where it can. */
    private List<Call> calls() {
        Map<String, String> values = Map.of(
                "round",
                BLIND_ROUND,
                "code",
                code == null ? "x" : code.substring(code.lastIndexOf('-') + 1),
                "id",
                entry.id(),
                "submission",
                entry.materials().get(0).submissionId(),
                "sha256",
                entry.materials().get(0).sha256(),
                "username",
                reviewer == null ? "nobody" : reviewer);
        List<Call> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    path = path.replace("{" + value.getKey() + "}", value.getValue());
                }
                path = path.replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
                if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                    calls.add(new Call("GET", path));
                }
                if (methods.contains(RequestMethod.POST)) {
                    calls.add(new Call("POST", path));
                }
                if (methods.contains(RequestMethod.PUT) || methods.contains(RequestMethod.DELETE)) {
                    throw new AssertionError("this test calls GET and POST; teach it " + methods + " " + pattern);
                }
            }
        });
        return calls;
    }

    /** A call of the REST API with basic authentication, or none when the user is null. */
    private PageSession.Answer api(Call call, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + call.path()));
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(tokens, user));
        }
        request = call.method().equals("GET")
                ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new PageSession.Answer(
                response.statusCode(),
                response.headers().firstValue("Location").orElse(""),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map().toString(),
                response.body());
    }

    /**
     * No trace of the entry: its title, unit or sender's phone, a search with hits, or a row of an export beyond the
     * header. (Its id may come back: an error names the path it was asked for.)
     */
    private void assertNoData(String what, PageSession.Answer answer) throws Exception {
        if (answer.contentType().startsWith("application/vnd.openxmlformats")) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
                assertThat(workbook.getSheetAt(0).getLastRowNum())
                        .as(what + ": rows below the header")
                        .isZero();
            }
            return;
        }
        String text = answer.text();
        assertThat(text).as(what).doesNotContain("权限测试平台").doesNotContain("海悦").doesNotContain("13800000000");
        assertThat(text).as(what + ": a search with hits").doesNotContainPattern("\"total\"\\s*:\\s*[1-9]");
    }

    /** Every text an answer holds: its headers (a download's file name), its body, each file of a zip, every cell. */
    private static List<String> texts(PageSession.Answer answer) throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add(answer.headers());
        try {
            texts.add(URLDecoder.decode(answer.headers(), UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a header with a bare % is not percent-encoded: read as it is, above
        }
        if (answer.contentType().startsWith("application/zip")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer.body()))) {
                for (ZipEntry file = zip.getNextEntry(); file != null; file = zip.getNextEntry()) {
                    texts.add(file.getName());
                    byte[] content = zip.readAllBytes();
                    texts.add(file.getName().endsWith(".pdf") ? pdfText(content) : new String(content, UTF_8));
                }
            }
        } else if (answer.contentType().startsWith("application/vnd.openxmlformats")) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
                workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> texts.add(cell.toString()))));
            }
        } else {
            texts.add(answer.text());
        }
        return texts;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** A digest of every row of the tables a reviewer's POST could change. */
    private String state() {
        StringBuilder digest = new StringBuilder();
        for (String table : STATE) {
            digest.append(table)
                    .append('=')
                    .append(db.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table
                                    + " t")
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return digest.toString();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
