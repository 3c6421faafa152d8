package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.review.Assignments;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.Scores;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The final's roadshow in a real browser: the organizer points at the team presenting; three experts score it on
 * phone-sized screens, one of them sending the same score twice; the big screen shows who has scored (never a score),
 * follows a score that comes in without being reloaded, and shows the ranking with the arithmetic mean once every
 * score is in. Every page passes {@link PageChecks}.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadshowBrowserIT {

    private static final String ROUND = "roadshow-check";
    private static final String PASSWORD = "a-long-roadshow-password";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Dimension LAPTOP = new Dimension(1440, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @Autowired
    ElasticsearchClient client;

    @Autowired
    AccountStore accounts;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    Rounds rounds;

    @Autowired
    Assignments assignments;

    @Autowired
    Scores scores;

    @LocalServerPort
    int port;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String title = "海上风电运维数据平台" + tag;
    private ChromeDriver browser;
    private Entry entry;
    private String organizer;
    private final String[] experts = new String[3];

    @BeforeAll
    void aFinalistThreeExpertsAndTheBrowser() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-" + title)
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, "轮胎智能工厂质量数据分析平台", title)));
        CompliantEntries.overruleBlocking(decisions, entry.id());
        organizer = account("organizer-" + tag, "周主持", "威海市大数据中心", Role.ORGANIZER);
        experts[0] = account("expert1-" + tag, "吴专家", "山东大学", Role.REVIEWER);
        experts[1] = account("expert2-" + tag, "郑专家", "中国海洋大学", Role.REVIEWER);
        experts[2] = account("expert3-" + tag, "王专家", "威海职业学院", Role.REVIEWER);
        rounds.open(ROUND, organizer);
        for (String expert : experts) {
            assignments.assign(ROUND, entry.id(), expert, organizer);
        }
        browser = Browser.start(Files.createTempDirectory("roadshow-downloads-"));
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void threeExpertsScoreTheTeamPresentingAndTheBigScreenShowsProgressThenTheRanking() throws Exception {
        browser.manage().window().setSize(LAPTOP);
        signIn(organizer);
        browser.get(base() + "/roadshow/control?round=" + ROUND);
        PageChecks.check(browser, "roadshow-control-1440");
        Browser.navigate(
                browser,
                browser.findElement(By.cssSelector("#finalists tr[data-entry='" + entry.id() + "'] button.move-to")));
        assertThat(Browser.notice(browser)).startsWith("现在路演：").endsWith(title);
        String code = browser.findElement(By.cssSelector("#finalists tr.on td:nth-child(2)"))
                .getText()
                .split(" ")[0];

        browser.get(base() + "/roadshow/screen?round=" + ROUND);
        assertThat(browser.findElement(By.id("now-scored")).getText()).isEqualTo("0 / 3");
        PageChecks.check(browser, "roadshow-screen-progress-1440");

        browser.manage().window().setSize(PHONE);
        score(experts[0], "80", "90", "已保存 " + code + " 的评分。");
        score(experts[0], "80", "90", code + " 的这份评分已经保存过，没有重复记录。");
        score(experts[1], "70", "80", "已保存 " + code + " 的评分。");
        assertThat(scores.of(ROUND).stream().filter(s -> s.entryId().equals(entry.id())))
                .as("one score per expert, whatever the retries")
                .hasSize(2);

        browser.manage().window().setSize(LAPTOP);
        signIn(organizer);
        browser.get(base() + "/roadshow/screen?round=" + ROUND);
        assertThat(browser.findElement(By.id("now-scored")).getText()).isEqualTo("2 / 3");
        String screen = browser.findElement(By.tagName("body")).getText();
        assertThat(screen).contains("吴专家").contains("郑专家").contains("王专家");
        assertThat(screen)
                .as("no score on the screen while scoring goes on")
                .doesNotContain("85.00")
                .doesNotContain("75.00");

        // the third expert scores from their own device: the screen follows without anyone reloading it
        PageSession third = PageSession.signedIn(base(), experts[2], PASSWORD);
        third.get("/roadshow?round=" + ROUND);
        assertThat(third.post(
                                "/roadshow/score",
                                Map.of("round", ROUND, "code", code, "c_technology", "90", "c_innovation", "92"),
                                true)
                        .status())
                .isEqualTo(302);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage("the big screen showing the ranking once every score is in")
                .until(d -> !d.findElements(By.id("screen-ranking")).isEmpty());
        WebElement row = browser.findElements(By.cssSelector("#screen-ranking tr")).stream()
                .filter(r -> r.getText().contains(title))
                .findFirst()
                .orElseThrow();
        assertThat(row.findElement(By.cssSelector(".mean")).getText())
                .as("the arithmetic mean of 85, 75 and 91")
                .isEqualTo("83.67");
        PageChecks.check(browser, "roadshow-screen-ranking-1440");
        browser.manage().window().setSize(PHONE);
        browser.navigate().refresh();
        PageChecks.check(browser, "roadshow-screen-ranking-390");
    }

    /** An expert scores the team presenting on a phone-sized screen and reads what the page says. */
    private void score(String expert, String technology, String innovation, String said) throws Exception {
        signIn(expert);
        browser.get(base() + "/roadshow?round=" + ROUND);
        assertThat(browser.findElement(By.id("presenting-title")).getText()).isEqualTo(title);
        PageChecks.check(browser, "roadshow-expert-390");
        WebElement form = browser.findElement(By.id("roadshow-score"));
        form.findElement(By.name("c_technology")).clear();
        form.findElement(By.name("c_technology")).sendKeys(technology);
        form.findElement(By.name("c_innovation")).clear();
        form.findElement(By.name("c_innovation")).sendKeys(innovation);
        Browser.navigate(browser, form.findElement(By.tagName("button")));
        assertThat(Browser.notice(browser)).isEqualTo(said);
        PageChecks.check(browser, "roadshow-expert-scored-390");
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base(), user, PASSWORD);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String account(String username, String name, String unit, Role role) {
        accounts.create(
                new AccountStore.Change(username, name, PASSWORD, Set.of(role), unit, "", "", "", true), "test");
        return username;
    }
}
