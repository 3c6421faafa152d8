package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.Scores;
import cn.dataelements.contest.support.CompliantEntries;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestTokens;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review round over the API and the pages, in the order a contest runs it: the organizer opens the round (its
 * entries frozen), an assignment with a conflict of interest is refused with the reason, a reviewer sees only what is
 * assigned to them and gets a blind packet of it, a score sheet with a formula, "85分", an out-of-range value or an
 * unknown entry is refused whole with each cell named, a good one is taken; once the round closes no score changes,
 * the top entry is awarded, an anonymous objection is refused, a real-name one upheld withdraws the award.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewIT {

    private static final String ROUND = "api-check";
    private static final String PASSWORD = "a-long-review-password";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FORM_TITLE = "轮胎智能工厂质量数据分析平台";

    @Autowired
    ApiTokens tokens;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    AccountStore accounts;

    @Autowired
    CommitteeDecisions decisions;

    @Autowired
    Scores scores;

    @Autowired
    Rounds rounds;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private Entry assigned;
    private Entry other;
    private String assignedCode;
    private String otherCode;
    private String organizer;
    private String reviewer;
    private String conflicted;

    @BeforeAll
    void twoEntriesThatPassedTheAccountsAndAnOpenRound() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        assigned = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-评审平台" + tag)
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, FORM_TITLE, "评审平台" + tag)));
        other = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海另一科技有限公司-另一平台" + tag)
                        .attach(
                                "证明材料.pdf",
                                "application/pdf",
                                Files.readAllBytes(Path.of("src/test/resources/extraction/chinese-text.pdf"))));
        CompliantEntries.overruleBlocking(decisions, assigned.id());
        CompliantEntries.overruleBlocking(decisions, other.id());
        organizer = account("organizer-" + tag, "组织者", "威海市大数据中心", Role.ORGANIZER, Role.COMMITTEE);
        reviewer = account("expert-" + tag, "李评审", "山东大学", Role.REVIEWER);
        conflicted = account("conflicted-" + tag, "赵评审", "哈尔滨工业大学（威海）", Role.REVIEWER);

        HttpResponse<String> opened = api("POST", "/api/review/rounds/" + ROUND + "/open", organizer, "");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains(assigned.id()).contains(other.id());
        assignedCode = rounds.entry(ROUND, assigned.id()).orElseThrow().code();
        otherCode = rounds.entry(ROUND, other.id()).orElseThrow().code();
    }

    @Test
    @Order(1)
    void anAssignmentWithAConflictOfInterestIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> refused = assign(assigned.id(), conflicted);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("detail").asText())
                .contains("赵评审")
                .contains("哈尔滨工业大学（威海）");

        PageSession pages = PageSession.signedIn(base(), organizer, PASSWORD);
        PageSession.Answer posted = pages.post(
                "/review/rounds/" + ROUND + "/assignments",
                Map.of("entryId", assigned.id(), "reviewer", conflicted),
                true);
        String page = pages.follow(posted).text();
        assertThat(page.substring(page.indexOf("id=\"assign-form\"")))
                .as("the page says why, beside the form, which keeps the entry and reviewer chosen")
                .contains("id=\"assign-error\"")
                .contains("value=\"" + conflicted + "\" selected=\"selected\"")
                .contains("不能分配给赵评审")
                .contains("评审专家所在单位“哈尔滨工业大学（威海）”与参赛单位“哈尔滨工业大学（威海）”相同");
        assertThat(api("GET", "/api/review/rounds/" + ROUND + "/assignments", organizer, "")
                        .body())
                .doesNotContain(conflicted);
    }

    @Test
    @Order(2)
    void aReviewerSeesAndDownloadsOnlyWhatIsAssignedAndTheBlindPacketNamesNoOne() throws Exception {
        assertThat(assign(assigned.id(), reviewer).statusCode()).isEqualTo(200);

        assertThat(api("GET", "/api/reviewing", reviewer, "").body())
                .as("the round's code, never the entry's id, which public data leads back to")
                .contains(assignedCode)
                .doesNotContain(assigned.id())
                .doesNotContain(otherCode)
                .doesNotContain(other.id());
        for (String path : List.of(
                "/api/entries/" + other.id(),
                "/api/entries/" + other.id() + "/packet",
                "/api/reviewing/" + ROUND + "/" + otherCode + "/packet",
                "/api/reviewing/" + ROUND + "/" + assigned.id() + "/packet",
                "/api/entries/" + assigned.id())) {
            assertThat(api("GET", path, reviewer, "").statusCode())
                    .as(path + ": not assigned, or assigned in a blind round")
                    .isEqualTo(404);
        }
        PageSession pages = PageSession.signedIn(base(), reviewer, PASSWORD);
        assertThat(pages.get("/entries/" + other.id()).status()).isEqualTo(404);
        assertThat(pages.get("/reviewing/" + ROUND + "/" + otherCode + "/packet")
                        .status())
                .isEqualTo(404);
        assertThat(api("GET", "/api/search?q=" + URLEncoder.encode("另一平台" + tag, StandardCharsets.UTF_8), reviewer, "")
                        .body())
                .doesNotContain(other.id());

        assertThat(pages.get("/reviewing").text()).contains(assignedCode).doesNotContain(assigned.id());
        PageSession.Answer packet = pages.get("/reviewing/" + ROUND + "/" + assignedCode + "/packet");
        assertThat(packet.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(packet.body());
        assertThat(files.keySet()).containsExactlyInAnyOrder("entry.json", "摘要.pdf");
        String pdf;
        try (var document = Loader.loadPDF(files.get("摘要.pdf"))) {
            pdf = new PDFTextStripper().getText(document);
        }
        String entryJson = new String(files.get("entry.json"), StandardCharsets.UTF_8);
        assertThat(pdf).contains("评审平台" + tag).contains("盲评材料").contains("解决方案").contains(assignedCode);
        assertThat(pdf + entryJson).doesNotContain(assigned.id());
        for (String name : List.of(
                "海悦", "哈尔滨工业大学", "刘欣怡", "曲晓东", "159-6655-2667", "15966552667", "proj8204", "913710033340182272")) {
            assertThat(pdf).as("the blind PDF names " + name).doesNotContain(name);
            assertThat(entryJson).as("the blind JSON names " + name).doesNotContain(name);
        }
    }

    @Test
    @Order(3)
    void aBatchOfAReviewersPacketsRunsAsAJobWithProgress() throws Exception {
        JsonNode job = json.readTree(
                api("POST", "/api/review/rounds/" + ROUND + "/packets?reviewer=" + reviewer, organizer, "")
                        .body());
        assertThat(job.path("total").asInt()).isEqualTo(1);
        String id = job.path("id").asText();
        JsonNode done = Awaitility.await("the batch")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> json.readTree(api("GET", "/api/review/packets/" + id, organizer, "")
                                .body()),
                        j -> !j.path("state").asText().equals("RUNNING"));
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("done").asInt()).isEqualTo(1);
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/review/packets/" + id + "/file"))
                                .header("Authorization", bearer(organizer))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unzip(file.body()).keySet()).containsExactly("盲评材料-" + assignedCode + ".zip");
        assertThat(api("GET", "/api/review/packets/" + id, reviewer, "").statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(4)
    void aScoreSheetWithAnyBadCellIsRefusedWholeAndAGoodOneIsTaken() throws Exception {
        PageSession pages = PageSession.signedIn(base(), reviewer, PASSWORD);
        byte[] blank = pages.get("/reviewing/" + ROUND + "/sheet.xlsx").body();

        byte[] bad = edit(blank, sheet -> {
            Row row = sheet.getRow(1);
            row.createCell(3).setCellFormula("80+5");
            row.createCell(4).setCellValue("85分");
            Row unknown = sheet.createRow(2);
            unknown.createCell(0).setCellValue("no-such-entry");
            unknown.createCell(3).setCellValue(120);
            unknown.createCell(4).setCellValue(90);
        });
        String page = pages.follow(pages.postFile("/reviewing/" + ROUND + "/sheet", Map.of(), "sheet", "评分表.xlsx", bad))
                .text();
        assertThat(page)
                .contains("评分表有 4 处问题，整张表未导入。")
                .contains("评分表 第 2 行 D 列（技术水平）：是公式“80+5”，请填写数字")
                .contains("评分表 第 2 行 E 列（创新性）：“85分”不是数字")
                .contains("评分表 第 3 行 D 列（技术水平）：120 超出范围 0–100")
                .contains("评分表 第 3 行 A 列（评审编号）：“no-such-entry”不是分配给 " + reviewer + " 的作品");
        assertThat(scores.of(ROUND, assigned.id(), reviewer))
                .as("nothing of that sheet is taken")
                .isEmpty();

        byte[] good = edit(blank, sheet -> {
            Row row = sheet.getRow(1);
            row.createCell(3).setCellValue(90);
            row.createCell(4).setCellValue(80);
            row.createCell(5).setCellValue("数据链路清楚");
        });
        PageSession.Answer taken =
                pages.postFile("/reviewing/" + ROUND + "/sheet", Map.of(), "sheet", "评分表.xlsx", good);
        assertThat(pages.follow(taken).text()).contains("已导入 1 件作品的评分。");

        byte[] collected = PageSession.signedIn(base(), organizer, PASSWORD)
                .get("/review/rounds/" + ROUND + "/sheets/" + reviewer)
                .body();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(collected))) {
            Row row = workbook.getSheet("评分表").getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(assignedCode);
            assertThat(row.getCell(3).getNumericCellValue())
                    .as("the sheet carries the scores given")
                    .isEqualTo(90);
        }

        JsonNode ranking = json.readTree(api("GET", "/api/review/rounds/" + ROUND + "/ranking", organizer, "")
                .body());
        JsonNode row = find(ranking, assigned.id());
        assertThat(row.path("mean").decimalValue()).as("(2·90 + 80) / 3").isEqualByComparingTo("86.67");
        assertThat(row.path("rank").asInt()).isEqualTo(1);
        assertThat(row.path("proxied")).as("the reviewer's own scores").isEmpty();
    }

    @Test
    @Order(5)
    void anOrganizersEntryOfAPaperSheetNeedsTheSignedScanAndIsMarked() throws Exception {
        PageSession organizerPages = PageSession.signedIn(base(), organizer, PASSWORD);
        byte[] paper = edit(
                organizerPages
                        .get("/review/rounds/" + ROUND + "/sheets/" + reviewer)
                        .body(),
                sheet -> sheet.getRow(1).getCell(3).setCellValue(60));

        PageSession.Answer withoutScan = organizerPages.postFile(
                "/review/rounds/" + ROUND + "/sheets", Map.of("reviewer", reviewer), "sheet", "纸质评分表.xlsx", paper);
        assertThat(organizerPages.follow(withoutScan).text()).contains("须同时上传其签字的扫描件");
        assertThat(scores.of(ROUND, assigned.id(), reviewer).orElseThrow().by())
                .as("nothing taken")
                .isEqualTo(reviewer);

        PageSession.Answer withScan = organizerPages.postFiles(
                "/review/rounds/" + ROUND + "/sheets",
                Map.of("reviewer", reviewer),
                Map.of(
                        "sheet", Map.entry("纸质评分表.xlsx", paper),
                        "scan", Map.entry("签字评分表.pdf", "%PDF-1.4 签字".getBytes(StandardCharsets.UTF_8))));
        assertThat(organizerPages.follow(withScan).text()).contains("已代录 " + reviewer + " 对 1 件作品的评分（附签字扫描件）。");
        assertThat(scores.of(ROUND, assigned.id(), reviewer).orElseThrow().by()).isEqualTo(organizer);
        JsonNode row = find(
                json.readTree(api("GET", "/api/review/rounds/" + ROUND + "/ranking", organizer, "")
                        .body()),
                assigned.id());
        assertThat(row.path("proxied").toString()).contains(reviewer);
        assertThat(organizerPages.get("/review?round=" + ROUND).text())
                .as("people by name")
                .contains("李评审：")
                .contains("（代录）");
        assertThat(PageSession.signedIn(base(), reviewer, PASSWORD)
                        .get("/reviewing")
                        .text())
                .as("the reviewer sees who entered it")
                .contains("此评分由 " + organizer + " 根据您签字的纸质评分表代录。");
    }

    @Test
    @Order(6)
    void aClosedRoundKeepsItsScoresAndAnUpheldObjectionWithdrawsTheAward() throws Exception {
        HttpResponse<String> huge = api(
                "POST",
                "/api/reviewing/" + ROUND + "/" + assignedCode + "/score",
                reviewer,
                "{\"criteria\":{\"technology\":1e999999999,\"innovation\":1e-999999999},\"comment\":\""
                        + "评".repeat(2001) + "\"}");
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(json.readTree(huge.body()).path("detail").asText())
                .contains("“技术水平”的评分 1E+999999999 超出范围")
                .contains("小数超过两位")
                .contains("评语最多 2000 字，这条有 2001 字");
        PageSession reviewerPages = PageSession.signedIn(base(), reviewer, PASSWORD);
        assertThat(reviewerPages.get("/reviewing").status())
                .as("the reviewer's page still loads")
                .isEqualTo(200);
        String refused = reviewerPages
                .follow(reviewerPages.post(
                        "/reviewing/" + ROUND + "/" + assignedCode + "/score",
                        Map.of("c_technology", "95", "c_innovation", "八十", "comment", "请保留这句评语"),
                        true))
                .text();
        String task = refused.substring(refused.indexOf("data-code=\"" + assignedCode + "\""));
        assertThat(task)
                .as("the reason beside the entry, what was typed kept")
                .contains("“创新性”请填写数字。")
                .contains("value=\"八十\"")
                .contains("value=\"请保留这句评语\"");
        assertThat(api(
                                "POST",
                                "/api/reviewing/" + ROUND + "/" + assignedCode + "/score",
                                reviewer,
                                "{\"criteria\":{\"technology\":95,\"innovation\":80},\"comment\":\"更正\"}")
                        .statusCode())
                .as("a correction while the round is open")
                .isEqualTo(200);
        String absent = account("absent-" + tag, "钱评审", "山东理工大学", Role.REVIEWER);
        assertThat(assign(assigned.id(), absent).statusCode()).isEqualTo(200);
        HttpResponse<String> incomplete = api("POST", "/api/review/rounds/" + ROUND + "/close", organizer, "");
        assertThat(incomplete.statusCode())
                .as("a score is missing and has no reason")
                .isEqualTo(409);
        assertThat(json.readTree(incomplete.body()).path("detail").asText())
                .contains("还有 1 项评分未提交")
                .contains(assignedCode + "（" + absent + "）");
        PageSession organizerPages = PageSession.signedIn(base(), organizer, PASSWORD);
        assertThat(organizerPages.get("/review?round=" + ROUND).text())
                .as("the close form asks for each reason")
                .contains("name=\"reason:" + assigned.id() + ":" + absent + "\"")
                .contains("data-confirm=\"结束接口测试轮？");
        String missingKey = assigned.id() + ":" + absent;
        HttpResponse<String> closed = api(
                "POST",
                "/api/review/rounds/" + ROUND + "/close",
                organizer,
                "{\"reasons\":{\"" + missingKey + "\":\"评审专家因病未能评审\"}}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(organizerPages.get("/review?round=" + ROUND).text()).contains(assignedCode + "（钱评审）：评审专家因病未能评审");
        HttpResponse<String> late = api(
                "POST",
                "/api/reviewing/" + ROUND + "/" + assignedCode + "/score",
                reviewer,
                "{\"criteria\":{\"technology\":10,\"innovation\":10}}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("已结束");
        assertThat(scores.of(ROUND, assigned.id(), reviewer).orElseThrow().comment())
                .isEqualTo("更正");

        PageSession pages = PageSession.signedIn(base(), organizer, PASSWORD);
        PageSession.Answer advanced = pages.post(
                "/review/rounds/" + ROUND + "/advance", Map.of("entryId", assigned.id(), "advanced", "true"), true);
        assertThat(pages.follow(advanced).text()).contains("已确定晋级（获奖）。");
        PageSession.Answer noticed =
                pages.post("/review/rounds/" + ROUND + "/notice", Map.of("from", "2024-09-02"), true);
        assertThat(pages.follow(noticed).text().replaceAll("<[^>]+>", ""))
                .contains("公示期：2024-09-02 至 2024-09-06（北京时间）");

        PageSession.Answer anonymous = pages.postFile(
                "/review/rounds/" + ROUND + "/objections",
                Map.of("entryId", assigned.id(), "name", "匿名", "contact", "", "reason", "成果抄袭"),
                "evidence",
                "截图.png",
                new byte[] {1, 2, 3});
        assertThat(pages.follow(anonymous).text()).contains("举报实行实名制，并须提供相应证据，匿名举报无效。缺少：举报人真实姓名、联系方式。");

        Map<String, String> objection = new LinkedHashMap<>();
        objection.put("entryId", assigned.id());
        objection.put("name", "孙举报");
        objection.put("unit", "某公司");
        objection.put("contact", "13700000000");
        objection.put("reason", "成果抄袭自公开论文");
        objection.put("receivedAt", "2024-09-10T09:00");
        byte[] video = new byte[3 * 1024 * 1024];
        assertThat(pages.follow(pages.postFile(
                                "/review/rounds/" + ROUND + "/objections", objection, "evidence", "录屏.mp4", video))
                        .text())
                .as("after the notice period (and 3 MB of evidence passes the upload limits)")
                .contains("公示期为 2024-09-02 至 2024-09-06（北京时间），这条举报收到于 2024-09-10，不予受理。");
        objection.put("receivedAt", "2024-09-04T09:00");
        objection.put("entryId", other.id());
        assertThat(pages.follow(pages.postFile(
                                "/review/rounds/" + ROUND + "/objections", objection, "evidence", "对比.pdf", new byte[] {
                                    1
                                }))
                        .text())
                .as("an entry not on the award list")
                .contains("该作品不在本轮获奖名单上");
        objection.put("entryId", assigned.id());
        PageSession.Answer named = pages.postFile(
                "/review/rounds/" + ROUND + "/objections",
                objection,
                "evidence",
                "对比.pdf",
                "证据".getBytes(StandardCharsets.UTF_8));
        String page = pages.follow(named).text();
        assertThat(page)
                .contains("已登记举报。")
                .contains("孙举报")
                .contains("成果抄袭自公开论文")
                .contains("对比.pdf");
        String evidence = page.replaceAll("(?s).*href=\"(/review/objections/[^\"]+/evidence/[0-9a-f]{64})\".*", "$1");
        assertThat(new String(pages.get(evidence).body(), StandardCharsets.UTF_8))
                .isEqualTo("证据");
        String objectionId = page.replaceAll("(?s).*/review/objections/([0-9a-f-]{36})/decision.*", "$1");
        PageSession.Answer decided = pages.post(
                "/review/objections/" + objectionId + "/decision",
                Map.of("round", ROUND, "verdict", "UPHELD", "reason", "经核查属实"),
                true);
        assertThat(pages.follow(decided).text()).contains("已记录裁定。");

        PageSession.Answer undo = pages.post(
                "/review/rounds/" + ROUND + "/advance", Map.of("entryId", assigned.id(), "advanced", "true"), true);
        assertThat(pages.follow(undo).text())
                .as("an organizer cannot give back an award the committee withdrew")
                .contains("该作品的奖项已因举报成立而撤销，只能由监督委员会改变裁定。");

        byte[] awards = pages.get("/review/rounds/" + ROUND + "/awards.xlsx").body();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(awards))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("2024年9月2日至2024年9月6日（北京时间），共 5 天");
            List<String> rows = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(sheet.getRow(r).getCell(1).getStringCellValue() + "|"
                        + sheet.getRow(r).getCell(4).getStringCellValue());
            }
            assertThat(rows).containsExactly("评审平台" + tag + "|已撤销（举报成立：经核查属实）");
        }
    }

    private HttpResponse<String> assign(String entryId, String who) throws Exception {
        return api(
                "POST",
                "/api/review/rounds/" + ROUND + "/assignments",
                organizer,
                json.writeValueAsString(Map.of("entryId", entryId, "reviewer", who)));
    }

    private String account(String username, String name, String unit, Role... roles) {
        accounts.create(
                new AccountStore.Change(username, name, PASSWORD, Set.of(roles), unit, "", "", "", true), "test");
        return username;
    }

    private HttpResponse<String> api(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", bearer(user))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bearer(String user) {
        return TestTokens.bearer(tokens, user);
    }

    private static JsonNode find(JsonNode tracks, String entryId) {
        for (JsonNode track : tracks) {
            for (JsonNode row : track.path("rows")) {
                if (row.path("entry").path("entryId").asText().equals(entryId)) {
                    return row;
                }
            }
        }
        throw new AssertionError(entryId + " is not ranked: " + tracks);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] edit(byte[] xlsx, java.util.function.Consumer<Sheet> change) throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(workbook.getSheet("评分表"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
