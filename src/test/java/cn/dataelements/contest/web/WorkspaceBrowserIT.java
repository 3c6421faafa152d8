package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organizers' pages in a real browser (headless Chromium): an organizer signs in, searches a Chinese word,
 * filters by track, opens the entry, sees its five sections, downloads an original and exports the result list; and
 * a {@code <script>} in a mail body, in a document's text and in a file name shows as text, never runs.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FORM_TITLE = "轮胎智能工厂质量数据分析平台";
    private static final String DIGITS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳";

    /** A word no other test writes: this run's tag in Chinese characters. */
    private static final String WORD =
            "潮汐" + chinese(UUID.randomUUID().toString().substring(0, 6));

    private static final String TITLE = WORD + "质量数据分析平台";
    private static final String MAIL_SCRIPT = "<script>window.pwnedByMail=1;document.title='pwned'</script>";
    private static final String DOC_SCRIPT = "<script>window.pwnedByDocument=1</script>";
    private static final String FILE_NAME = "<img src=x onerror=window.pwnedByName=1>营业执照.pdf";
    private static final String PASSWORD = "organizer-password-1";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    AccountStore accounts;

    @Autowired
    EntrySearch search;

    @Autowired
    cn.dataelements.contest.compliance.CommitteeDecisions decisions;

    @LocalServerPort
    int port;

    private Path downloads;

    private ChromeDriver browser;
    private Entry entry;
    private String organizer;

    @BeforeAll
    void mailAnEntryAndStartTheBrowser() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        form = DocxText.replace(form, FORM_TITLE, TITLE);
        form = DocxText.replace(
                form,
                "威海市是橡胶轮胎制造的重要集聚地",
                "威海市是橡胶轮胎制造的重要集聚地" + DOC_SCRIPT.replace("<", "&lt;").replace(">", "&gt;"));
        RawMail mail = new RawMail("工业制造-威海海悦橡胶科技有限公司-" + TITLE)
                .body("各位老师好，附件是我们的申报材料。" + MAIL_SCRIPT)
                .attach("作品申报书.docx", DOCX, form)
                .attach(
                        FILE_NAME,
                        "application/pdf",
                        Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf")));
        entry = new IndexedSubmissions(client).deliverAndAwaitEntry(mail);
        Awaitility.await("the entry is searchable")
                .atMost(Duration.ofSeconds(60))
                .until(() -> search.search(new EntrySearch.Request(WORD, Map.of(), null, null, null, null, 5))
                                .total()
                        == 1);
        organizer = "organizer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                new AccountStore.Change(
                        organizer, "组织方测试", PASSWORD, Set.of(Role.ORGANIZER), "威海市大数据中心", "", "", "", true),
                "test");
        downloads = Files.createTempDirectory("browser-downloads-");
        browser = Browser.start(downloads);
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void filtersSurviveANewQueryAReversedDateRangeIsSaidAndNothingFoundOffersNoExport() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession pages = PageSession.signedIn(base, organizer, PASSWORD);

        String filtered = pages.get("/search?q=" + encode(WORD) + "&track=" + encode("工业制造"))
                .text();
        assertThat(filtered)
                .as("the chosen filter rides along with the next query, and can be cleared")
                .contains("<input type=\"hidden\" name=\"track\" value=\"工业制造\">")
                .contains("清除筛选（1）")
                .contains("href=\"/search?q=" + encode(WORD) + "\"");
        assertThat(pages.get("/search?from=2024-09-02&to=2024-08-20").text())
                .contains("收到日期的开始（2024-09-02）晚于结束（2024-08-20），请对调后再搜索。");
        String none =
                pages.get("/search?q=" + encode("不存在的词语组合" + UUID.randomUUID())).text();
        assertThat(none).contains("id=\"no-hits\"").doesNotContain("id=\"export-xlsx\"");
    }

    @Test
    void facetsFileKindsFindingsAndRouteStatesAreInWordsNotCodes() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession pages = PageSession.signedIn(base, organizer, PASSWORD);

        java.util.regex.Matcher facet = java.util.regex.Pattern.compile("data-value=\"([^\"]*)\">([^<]*)</a>")
                .matcher(pages.get("/search?q=" + encode(WORD)).text());
        List<String> labels = new java.util.ArrayList<>();
        while (facet.find()) {
            labels.add(facet.group(2));
        }
        assertThat(labels).isNotEmpty().noneMatch(label -> label.matches("[A-Za-z_]+"));
        String entryPage = pages.get("/entries/" + entry.id()).text();
        assertThat(entryPage)
                .contains("（作品申报书）")
                .contains("第 1 版（当前）")
                .contains("<td>已收到</td>")
                .as("no enum name shown as text")
                .doesNotContainPattern(">\\s*[A-Z]+(_[A-Z]+)+\\s*<")
                .doesNotContainPattern("（[A-Z]+(_[A-Z]+)+）");
        assertThat(pages.get("/intake").text()).contains("运行中").doesNotContain(">Started<");
    }

    /**
     * Each role's pages, on a laptop and on a phone: every one passes {@link PageChecks} (accessibility, a clean
     * console, no internal code on screen, nothing wider than the window) and leaves its screenshot.
     */
    @Test
    void everyRolesPagesPassTheChecksOnALaptopAndOnAPhone() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> journeys = new java.util.LinkedHashMap<>();
        journeys.put(
                organizer,
                List.of(
                        "/",
                        "/search?q=" + encode(WORD),
                        "/search?q=",
                        "/entries/" + entry.id(),
                        "/intake",
                        "/review"));
        journeys.put(account("admin-" + tag, Role.ADMIN, "威海市大数据中心"), List.of("/admin", "/account/tokens"));
        journeys.put(account("reviewer-" + tag, Role.REVIEWER, "山东大学"), List.of("/reviewing"));
        journeys.put(account("auditor-" + tag, Role.AUDITOR, "威海市大数据局"), List.of("/audit"));
        journeys.put(account("committee-" + tag, Role.COMMITTEE, "威海市纪委"), List.of("/entries/" + entry.id()));
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        try {
            for (org.openqa.selenium.Dimension size : List.of(
                    new org.openqa.selenium.Dimension(1440, 900), new org.openqa.selenium.Dimension(390, 844))) {
                browser.manage().window().setSize(size);
                for (Map.Entry<String, List<String>> journey : journeys.entrySet()) {
                    browser.manage().deleteAllCookies();
                    Browser.signIn(browser, base, journey.getKey(), PASSWORD);
                    browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // the sign-in's
                    for (String page : journey.getValue()) {
                        browser.get(base + page);
                        String role = journey.getKey().replaceAll("-.*", "");
                        String name = page.equals("/") ? "overview" : page.replaceAll("^/([a-z]+).*", "$1");
                        PageChecks.check(
                                browser,
                                role + "-" + name + "-" + (page.contains("q=%") ? "hits-" : "") + size.getWidth());
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    private String account(String username, Role role, String unit) {
        accounts.create(
                new AccountStore.Change(username, username, PASSWORD, Set.of(role), unit, "", "", "", true), "test");
        return username;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theOverviewsChartsDrawWithoutAnyContentSecurityPolicyViolation() {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // what sign-in left
        browser.get(base + "/");
        assertThat(browser.findElements(By.cssSelector("#chart-track canvas"))).isNotEmpty();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("#chart-track canvas")))
                .perform();
        List<String> violations =
                browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                        .map(org.openqa.selenium.logging.LogEntry::getMessage)
                        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                        .toList();
        assertThat(violations).as("the console of 总览").isEmpty();
    }

    @Test
    void aCommitteeMemberDecidesSeveralFindingsAtOnceWithOneReason() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String member = "committee-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                new AccountStore.Change(member, "监委测试", PASSWORD, Set.of(Role.COMMITTEE), "威海市纪委", "", "", "", true),
                "test");
        PageSession pages = PageSession.signedIn(base, member, PASSWORD);
        String entryPage = pages.get("/entries/" + entry.id()).text();
        java.util.regex.Matcher box = java.util.regex.Pattern.compile(
                        "name=\"finding\" form=\"batch-decision\"\\s+value=\"([^\"]+)\"")
                .matcher(entryPage);
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        while (box.find()) {
            form.add(Map.entry("finding", org.springframework.web.util.HtmlUtils.htmlUnescape(box.group(1))));
        }
        assertThat(form)
                .as(
                        "a box per finding in %s",
                        entryPage.substring(Math.max(0, entryPage.indexOf("id=\"findings\"") - 600)))
                .hasSizeGreaterThan(1);
        form.add(Map.entry("verdict", "OVERRULED"));
        form.add(Map.entry("reason", "材料已线下补交，监督委员会核实"));

        String page = pages.follow(pages.post("/entries/" + entry.id() + "/decisions/batch", form, true))
                .text();

        assertThat(page).contains("已记录 " + (form.size() - 2) + " 项决定（驳回）。");
        assertThat(decisions.findings(entry.id()).orElseThrow().findings())
                .allSatisfy(f -> assertThat(f.decision().reason()).isEqualTo("材料已线下补交，监督委员会核实"));
    }

    @Test
    void anUnknownEntrySaysSoInsideThePagesFrame() {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        browser.get(base + "/entries/no-such-entry");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("没有找到");
        assertThat(browser.findElements(By.cssSelector("header.nav a")))
                .as("the navigation stays")
                .isNotEmpty();
    }

    @Test
    void onAPhoneNoPageIsWiderThanTheScreen() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String page : List.of("/", "/search?q=" + encode(WORD), "/entries/" + entry.id(), "/intake")) {
                browser.get(base + page);
                Object widths = ((JavascriptExecutor) browser)
                        .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
                List<?> pair = (List<?>) widths;
                assertThat(((Number) pair.get(0)).longValue())
                        .as(page + " at 390 px: its width against the screen's")
                        .isLessThanOrEqualTo(((Number) pair.get(1)).longValue());
            }
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    @Test
    void anOrganizerSearchesFiltersOpensDownloadsAndExports() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        assertThat(browser.findElement(By.id("total")).getText())
                .as("the overview after signing in")
                .isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#chart-track canvas")))
                .as("the chart of entries per track, drawn by ECharts from its WebJar under the CSP")
                .isNotEmpty();

        browser.get(base + "/search");
        browser.findElement(By.id("q")).sendKeys(WORD);
        Browser.navigate(browser, browser.findElement(By.id("search-button")));
        assertThat(browser.findElement(By.id("full-total")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".hit-title em")).getText())
                .as("the word highlighted in the title")
                .isEqualTo(WORD);

        Browser.navigate(browser, browser.findElement(By.cssSelector("#facet-track a[data-value='工业制造']")));
        assertThat(browser.findElement(By.cssSelector("#facet-track a.chosen")).getText())
                .isEqualTo("工业制造");
        assertThat(browser.findElement(By.id("full-total")).getText()).isEqualTo("1");

        Browser.navigate(browser, browser.findElement(By.cssSelector(".hit-title")));
        assertThat(browser.findElement(By.id("work-title")).getText()).isEqualTo(TITLE);
        assertThat(Browser.texts(browser, By.cssSelector(".form-section h3")))
                .containsExactly("作品概述", "解决方案", "应用价值", "商业模式", "团队介绍");
        assertThat(browser.findElement(By.id("section-overview")).getText()).contains("威海市是橡胶轮胎制造的重要集聚地");

        browser.findElements(By.cssSelector("#files a.download")).stream()
                .filter(a -> a.getText().equals("作品申报书.docx"))
                .findFirst()
                .orElseThrow()
                .click();
        Path form = Browser.awaitDownload(downloads, "作品申报书.docx");
        assertThat(DocxText.body(Files.readAllBytes(form))).contains(TITLE);

        browser.navigate().back();
        browser.navigate().back();
        browser.findElement(By.id("export-xlsx")).click();
        Path export = Browser.awaitDownload(downloads, ".xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(export))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("one hit under the header").isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(TITLE);
        }
    }

    @Test
    void scriptsFromSubmissionsShowAsTextAndNeverRun() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        browser.get(base + "/entries/" + entry.id());

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains(MAIL_SCRIPT).contains(DOC_SCRIPT).contains(FILE_NAME);
        assertThat(browser.executeScript(
                        "return [window.pwnedByMail, window.pwnedByDocument, window.pwnedByName, document.title]"))
                .isEqualTo(java.util.Arrays.asList(null, null, null, "作品 · 数据要素×大赛威海分赛收件"));

        browser.get(base + "/search?q=" + java.net.URLEncoder.encode(WORD, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector(".hits")).getText()).doesNotContain("pwned");
        assertThat(browser.executeScript("return window.pwnedByDocument")).isNull();
    }

    @Test
    void anOriginalIsServedAsADownloadThatNeverRendersInTheApp() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Browser.signIn(browser, base, organizer, PASSWORD);
        browser.get(base + "/entries/" + entry.id());
        String href = browser.findElements(By.cssSelector("#files a.download")).stream()
                .filter(a -> a.getText().equals(FILE_NAME))
                .findFirst()
                .orElseThrow()
                .getAttribute("href");
        String session = browser.manage().getCookieNamed("SESSION").getValue();

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "SESSION=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment;");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
        assertThat(response.body())
                .isEqualTo(Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf")));
    }

    private static String chinese(String hex) {
        StringBuilder word = new StringBuilder();
        for (char c : hex.toCharArray()) {
            word.append(DIGITS.charAt(Character.digit(c, 16)));
        }
        return word.toString();
    }
}
