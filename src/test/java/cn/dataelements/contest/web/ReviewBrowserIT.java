package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review in a real browser (headless Chromium): an organizer opens the round and assigns an entry to a reviewer;
 * the reviewer signs in, downloads the entry's packet and scores it; the organizer sees the ranking and exports it.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserIT {

    private static final String ROUND = "browser-check";
    private static final String PASSWORD = "a-long-browser-password";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    AccountStore accounts;

    @Autowired
    CommitteeDecisions decisions;

    @LocalServerPort
    int port;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String title = "港口评审平台" + tag;
    private Path downloads;
    private ChromeDriver browser;
    private Entry entry;
    private String organizer;
    private String reviewer;

    @BeforeAll
    void anEntryThatPassedTheAccountsAndTheBrowser() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-" + title)
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, "轮胎智能工厂质量数据分析平台", title)));
        CompliantEntries.overruleBlocking(decisions, entry.id());
        organizer = account("organizer-" + tag, "钱组织", "威海市大数据中心", Role.ORGANIZER);
        reviewer = account("reviewer-" + tag, "孙评审", "山东大学", Role.REVIEWER);
        downloads = Files.createTempDirectory("review-downloads-");
        browser = Browser.start(downloads);
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganizerAssignsAReviewerScoresAndTheOrganizerExportsTheRanking() throws Exception {
        signIn(organizer);
        browser.get(base() + "/review?round=" + ROUND);
        submit(browser.findElement(By.id("open-round")));
        assertThat(browser.findElement(By.id("round-status")).getText()).isEqualTo("进行中");
        new Select(browser.findElement(By.id("assign-entry"))).selectByValue(entry.id());
        new Select(browser.findElement(By.id("assign-reviewer"))).selectByValue(reviewer);
        submit(browser.findElement(By.id("assign-button")));
        assertThat(Browser.notice(browser)).as("the reviewer by name").isEqualTo("已分配给 孙评审。");
        String code = browser.findElement(By.cssSelector(".ranking-table tr[data-entry='" + entry.id() + "'] .code"))
                .getText();
        assertThat(code).as("the round's code beside the entry").matches("[^-]+-[A-HJ-NP-Z]\\d{3}");

        signIn(reviewer);
        browser.get(base() + "/reviewing");
        WebElement task = browser.findElement(By.cssSelector(".task[data-code='" + code + "']"));
        assertThat(task.findElement(By.tagName("h3")).getText()).isEqualTo(code + " " + title);
        assertThat(browser.getPageSource()).doesNotContain(entry.id());
        task.findElement(By.cssSelector("a.packet")).click();
        Path packet = Browser.awaitDownload(downloads, "评审材料-" + code + ".zip");
        assertThat(summaryText(packet)).contains(title).contains("解决方案");
        PageChecks.check(browser, "reviewer-reviewing-task-1440");
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().refresh();
        PageChecks.check(browser, "reviewer-reviewing-task-390");
        browser.manage().window().setSize(laptop);
        browser.navigate().refresh();
        task = browser.findElement(By.cssSelector(".task[data-code='" + code + "']"));
        task.findElement(By.name("c_technology")).sendKeys("88");
        task.findElement(By.name("c_innovation")).sendKeys("92");
        task.findElement(By.name("comment")).sendKeys("数据来源清楚");
        submit(task.findElement(By.cssSelector(".score-form button")));
        assertThat(Browser.notice(browser)).isEqualTo("已保存 " + code + " 的评分。");
        PageChecks.check(browser, "reviewer-reviewing-scored-1440");

        signIn(organizer);
        browser.get(base() + "/review?round=" + ROUND);
        WebElement row = browser.findElement(By.cssSelector(".ranking-table tr[data-entry='" + entry.id() + "']"));
        assertThat(row.findElement(By.cssSelector(".mean")).getText())
                .as("(88 + 92) / 2")
                .isEqualTo("90.00");
        Browser.navigate(browser, browser.findElement(By.id("batch-packets")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                .withMessage("the job's progress updating itself to done")
                .until(d -> !d.findElements(By.id("job-download")).isEmpty());
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("已完成");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded"))
                .as("updated in place by htmx, not by reloading the page")
                .isEqualTo(true);
        PageSession organizerPages = PageSession.signedIn(base(), organizer, PASSWORD);
        String progress = organizerPages
                .get(new java.net.URI(browser.getCurrentUrl()).getPath(), "HX-Request", "true")
                .text();
        assertThat(progress)
                .as("htmx gets the progress part alone")
                .startsWith("<div id=\"job-progress\"")
                .doesNotContain("<html");
        PageChecks.check(browser, "organizer-review-job-1440");
        browser.get(base() + "/review?round=" + ROUND);
        browser.findElement(By.id("export-ranking")).click();
        Path export = Browser.awaitDownload(downloads, "排名.xlsx");
        try (var workbook = new XSSFWorkbook(Files.newInputStream(export))) {
            boolean found = false;
            for (Row line : workbook.getSheetAt(0)) {
                if (line.getCell(3) != null
                        && line.getCell(3).getStringCellValue().equals(entry.id())) {
                    assertThat(line.getCell(4).getStringCellValue()).isEqualTo(code);
                    assertThat(line.getCell(5).getStringCellValue()).isEqualTo(title);
                    assertThat(line.getCell(6).getStringCellValue()).isEqualTo("90.00");
                    assertThat(line.getCell(10).getStringCellValue())
                            .as("the reviewer by name")
                            .isEqualTo("孙评审：90.00");
                    found = true;
                }
            }
            assertThat(found).as("the entry's row in the export").isTrue();
        }
    }

    /** Submits a form and waits until the page it leads to has replaced this one. */
    private void submit(WebElement button) {
        Browser.navigate(browser, button);
    }

    /** The page's one-time message, or its error (so that a refusal shows in the failure). */
    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base(), user, PASSWORD);
    }

    private String account(String username, String name, String unit, Role role) {
        accounts.create(
                new AccountStore.Change(username, name, PASSWORD, Set.of(role), unit, "", "", "", true), "test");
        return username;
    }

    private static String summaryText(Path zip) throws Exception {
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file, StandardCharsets.UTF_8)) {
            for (ZipEntry part = in.getNextEntry(); part != null; part = in.getNextEntry()) {
                if (part.getName().equals("摘要.pdf")) {
                    try (var pdf = Loader.loadPDF(in.readAllBytes())) {
                        return new PDFTextStripper().getText(pdf);
                    }
                }
            }
        }
        throw new AssertionError(zip + " has no 摘要.pdf");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
