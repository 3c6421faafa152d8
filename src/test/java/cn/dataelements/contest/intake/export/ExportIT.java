package cn.dataelements.contest.intake.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.exam.ExamResult;
import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 山东通 export channel on a drop folder: packages as an xlsx sheet with a folder of files (read only after its
 * done-marker), a GBK csv in a zip, and an HTML table named .xls, each row joined to its files; a row without its file
 * and a file without its row are reported; a package whose sheet lacks a mapped column fails with its reason; the same
 * sheet dropped again adds nothing. The entries land beside the mailed ones, with the same model and findings.
 */
@IntakeIT
class ExportIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicReference<byte[]> FETCHED = new AtomicReference<>();
    private static final HttpServer FETCH_SERVER = fetchServer();
    private static final Path BASE = folders();
    private static final Path DROP = BASE.resolve("drop");
    private static final List<String> HEADERS =
            List.of("报名编号", "作品名称", "参赛赛道", "参赛方向", "申报单位", "统一社会信用代码", "联系人", "联系电话", "电子邮箱", "团队成员", "提交时间", "附件");
    private static final Path FORM = Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ExamResults exams;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("intake.routes-dir", () -> BASE.resolve("routes").toString());
        registry.add("intake.routes.rescan-millis", () -> 300);
    }

    @Test
    void packagesOfEveryFormatBecomeEntriesAndAreMovedWithTheirReport() throws Exception {
        Path folder = Files.createDirectories(DROP.resolve("导出-" + RUN + "-xlsx"));
        Files.createDirectories(folder.resolve("附件"));
        Files.write(folder.resolve("附件/方案介绍-1.docx"), form("政务数据共享平台" + RUN));
        Files.write(folder.resolve("附件/多余的文件.pdf"), "no row names me".getBytes(StandardCharsets.UTF_8));
        Files.write(
                folder.resolve("登记表.xlsx"),
                xlsx(List.of(row(1, "政务数据共享平台" + RUN, "附件\\方案介绍-1.docx"), row(2, "公文智能校对系统" + RUN, ""))));
        IndexedSubmissions index = new IndexedSubmissions(client);
        Thread.sleep(2_000);
        assertThat(index.byReference(id(1)))
                .as("a folder without its done-marker is still being copied")
                .isEmpty();
        assertThat(folder).exists();

        Files.writeString(folder.resolve(".done"), "");
        Map<String, Object> xlsx = index.awaitByReference(id(1));
        assertThat(xlsx).containsEntry("channel", "export").containsEntry("route", "it-export");
        assertThat(xlsx.get("files").toString()).contains("方案介绍-1.docx");
        Entry entry = index.awaitEntryOf(xlsx.get("id").toString());
        assertThat(entry.track().name()).isEqualTo("数字机关");
        assertThat(entry.workTitle()).isEqualTo("政务数据共享平台" + RUN);
        assertThat(entry.units().get(0).name()).isEqualTo("威海市测试局" + RUN);
        assertThat(index.awaitByReference(id(2)).get("problems").toString()).contains("没有填写附件");
        Path report = DROP.resolve("done/导出-" + RUN + "-xlsx.report.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("附件/多余的文件.pdf 没有对应的登记行").contains("第 3 行没有填写附件");

        byte[] gbkCsv = csv(List.of(row(3, "不动产登记数据平台" + RUN, "方案介绍-3.docx"))).getBytes(Charset.forName("GBK"));
        byte[] form3 = form("不动产登记数据平台" + RUN);
        Path zip = DROP.resolve("导出-" + RUN + "-csv.zip");
        Files.write(zip, zipOf(Map.of("登记表.csv", gbkCsv, "方案介绍-3.docx", form3)));
        Map<String, Object> fromZip = index.awaitByReference(id(3));
        assertThat(fromZip.get("files").toString()).contains("方案介绍-3.docx");
        assertThat(index.awaitEntryOf(fromZip.get("id").toString()).workTitle()).isEqualTo("不动产登记数据平台" + RUN);

        Path html = Files.createDirectories(DROP.resolve("导出-" + RUN + "-html"));
        Files.write(html.resolve("方案介绍-4.docx"), form("机关效能评估平台" + RUN));
        Files.writeString(html.resolve("报名信息.xls"), htmlTable(List.of(row(4, "机关效能评估平台" + RUN, "方案介绍-4.docx"))));
        Files.writeString(html.resolve(".done"), "");
        assertThat(index.awaitByReference(id(4)).get("files").toString()).contains("方案介绍-4.docx");

        Path lacking = Files.createDirectories(DROP.resolve("导出-" + RUN + "-lacking"));
        Files.writeString(lacking.resolve("登记表.csv"), "报名编号,作品名称\nX1,缺列的作品\n");
        Files.writeString(lacking.resolve(".done"), "");
        Path reason = DROP.resolve("failed/导出-" + RUN + "-lacking.reason.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason));
        assertThat(Files.readString(reason)).contains("缺少列").contains("附件").contains("The package could not be read");

        Path again = DROP.resolve("导出-" + RUN + "-again.zip");
        Files.write(again, zipOf(Map.of("登记表.csv", gbkCsv, "方案介绍-3.docx", form3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(DROP.resolve("done/导出-" + RUN + "-again.zip")));
        assertThat(index.byReference(id(3)))
                .as("the same sheet dropped again is the same submission")
                .hasSize(1);
    }

    @Test
    void aPackageAsThePlatformMakesItJoinsBareNamesToTheFilesInItsAttachmentFolder() throws Exception {
        Path folder = Files.createDirectories(DROP.resolve("导出-" + RUN + "-platform"));
        Path attachments = Files.createDirectories(folder.resolve("附件"));
        Files.write(attachments.resolve("方案介绍-5.docx"), form("机关事务数字平台" + RUN));
        Files.write(attachments.resolve("方案介绍-6.DOCX"), form("机关后勤保障平台" + RUN));
        Files.createDirectories(folder.resolve("附件/甲"));
        Files.createDirectories(folder.resolve("附件/乙"));
        Files.writeString(folder.resolve("附件/甲/登记表.pdf"), "one");
        Files.writeString(folder.resolve("附件/乙/登记表.pdf"), "two");
        String sheet = htmlTable(List.of(
                        row(5, "机关事务数字平台" + RUN, "方案介绍-5.docx"),
                        row(6, "机关后勤保障平台" + RUN, "Ｄ:\\导出\\附件\\方案介绍-6.docx"),
                        row(7, "机关档案数字平台" + RUN, "登记表.pdf")))
                .replace("charset=\"utf-8\"", "charset=\"gbk\"");
        Files.write(folder.resolve("报名信息.xls"), sheet.getBytes(Charset.forName("GBK")));
        Files.writeString(folder.resolve(".done"), "");

        IndexedSubmissions index = new IndexedSubmissions(client);
        Map<String, Object> bare = index.awaitByReference(id(5));
        assertThat(bare.get("files").toString()).contains("方案介绍-5.docx");
        assertThat(index.awaitEntryOf(bare.get("id").toString()).sections())
                .as("the form found by its bare name is read")
                .anyMatch(section -> section.found());
        assertThat(index.awaitByReference(id(6)).get("files").toString())
                .as("an absolute path of the exporting machine, its case and width aside, found by its name")
                .contains("方案介绍-6.DOCX");
        assertThat(index.awaitByReference(id(7)).get("problems").toString())
                .as("two files of the name: a problem naming both")
                .contains("附件/甲/登记表.pdf")
                .contains("附件/乙/登记表.pdf");
        Path report = DROP.resolve("done/导出-" + RUN + "-platform.report.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        assertThat(Files.readString(report))
                .doesNotContain("方案介绍-5.docx 没有对应的登记行")
                .doesNotContain("方案介绍-6.DOCX 没有对应的登记行")
                .contains("无法确定是哪一个");
    }

    @Test
    void theSameRegistrationWithItsMembersInAnotherOrderMakesNoNewVersion() throws Exception {
        byte[] form = form("机关数据目录平台" + RUN);
        Path first = Files.createDirectories(DROP.resolve("导出-" + RUN + "-order-1"));
        Files.write(first.resolve("方案介绍-8.docx"), form);
        Files.writeString(first.resolve("报名信息.xls"), htmlTable(List.of(row(8, "机关数据目录平台" + RUN, "方案介绍-8.docx"))));
        Files.writeString(first.resolve(".done"), "");
        IndexedSubmissions index = new IndexedSubmissions(client);
        Entry entry = index.awaitEntryOf(index.awaitByReference(id(8)).get("id").toString());

        Path second = Files.createDirectories(DROP.resolve("导出-" + RUN + "-order-2"));
        Files.write(second.resolve("方案介绍-8.docx"), form);
        List<String> reordered = new ArrayList<>(row(8, "机关数据目录平台" + RUN, "方案介绍-8.docx"));
        reordered.set(HEADERS.indexOf("团队成员"), "李8、王8");
        Files.writeString(second.resolve("报名信息.xls"), htmlTable(List.of(reordered)));
        Files.writeString(second.resolve(".done"), "");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(DROP.resolve("done/导出-" + RUN + "-order-2.report.txt")));

        assertThat(index.byReference(id(8))).as("one submission").hasSize(1);
        assertThat(index.awaitEntryOf(index.awaitByReference(id(8)).get("id").toString())
                        .versions())
                .as("no new version")
                .hasSize(entry.versions().size());
    }

    @Test
    void scoreSheetsBecomeExamResultsWithTheirHistory() throws Exception {
        String exam = "数字技能初赛" + RUN;
        String header = "考试名称,姓名,工作单位,身份证号,成绩,考试时间\r\n";
        String first = header + exam + ",张伟,威海市某局,370000199001011234,85分,2024-09-01 09:00\r\n"
                + exam + ",李娜,威海市某中心,370000199202022345,９０,2024-09-01 09:00\r\n"
                + exam + ",王强,威海市某局,370000198803033456,缺考,2024-09-01 09:00\r\n";
        dropScores("成绩-" + RUN + "-1", first.getBytes(Charset.forName("GBK")));
        ExamResults.Exam imported = awaitExam(exam, e -> true);
        assertThat(imported.current().results())
                .extracting(ExamResult::name, ExamResult::idNumber, ExamResult::score)
                .as("身份证号 read back masked")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("张伟", "370000********1234", new java.math.BigDecimal("85")),
                        org.assertj.core.groups.Tuple.tuple("李娜", "370000********2345", new java.math.BigDecimal("90")),
                        org.assertj.core.groups.Tuple.tuple("王强", "370000********3456", null));
        assertThat(db.sql("select count(*) from exam_imports where exam = ? and (results::text like ?"
                                + " or position(convert_to('370000199001011234', 'UTF8') in sheet) > 0"
                                + " or position(convert_to('370000199001011234', 'GBK') in sheet) > 0)")
                        .params(exam, "%370000199001011234%")
                        .query(Integer.class)
                        .single())
                .as("身份证号 stored encrypted, in the results and in the sheet kept")
                .isZero();
        assertThat(imported.current().problems()).anySatisfy(p -> assertThat(p).contains("缺考"));
        assertThat(imported.current().results().get(0).examTime())
                .isEqualTo(java.time.Instant.parse("2024-09-01T01:00:00Z"));

        dropScores("成绩-" + RUN + "-2", first.getBytes(StandardCharsets.UTF_8));
        Path again = BASE.resolve("exam-drop/done/成绩-" + RUN + "-2.report.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(again));
        assertThat(Files.readString(again)).contains("与现有成绩相同");
        assertThat(awaitExam(exam, e -> true).history())
                .as("the same results again are a duplicate")
                .isEmpty();

        dropScores("成绩-" + RUN + "-3", first.replace("缺考", "78").getBytes(Charset.forName("GBK")));
        ExamResults.Exam corrected = awaitExam(exam, e -> e.history().size() == 1);
        assertThat(corrected.current().results().get(2).score()).isEqualByComparingTo("78");
        assertThat(corrected.history().get(0).id()).isEqualTo(imported.current().id());
    }

    @Test
    void aPackageIsFetchedFromItsUrlOnceForTheSameBytes() throws Exception {
        byte[] form5 = form("政务热线分析平台" + RUN);
        FETCHED.set(zipOf(Map.of(
                "登记表.csv",
                csv(List.of(row(5, "政务热线分析平台" + RUN, "方案介绍-5.docx"))).getBytes(StandardCharsets.UTF_8),
                "方案介绍-5.docx",
                form5)));
        IndexedSubmissions index = new IndexedSubmissions(client);
        assertThat(index.awaitByReference(id(5)).get("route")).isEqualTo("it-fetch");
        Path done = BASE.resolve("fetch-drop/done");
        Thread.sleep(2_000);
        try (var taken = Files.list(done)) {
            assertThat(taken.filter(p -> p.getFileName().toString().endsWith(".zip")))
                    .as("the same bytes are fetched but not dropped again")
                    .hasSize(1);
        }
        FETCHED.set(null);
    }

    private static HttpServer fetchServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/export/latest.zip", exchange -> {
                try (exchange) {
                    byte[] body = FETCHED.get();
                    if (body == null) {
                        exchange.sendResponseHeaders(204, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropScores(String name, byte[] csv) throws IOException {
        Path folder = Files.createDirectories(BASE.resolve("exam-drop").resolve(name));
        Files.write(folder.resolve("成绩表.csv"), csv);
        Files.writeString(folder.resolve(".done"), "");
    }

    private ExamResults.Exam awaitExam(String exam, java.util.function.Predicate<ExamResults.Exam> state) {
        return await("exam " + exam)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> exams.all().stream()
                                .filter(e -> e.exam().equals(exam))
                                .filter(state)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String id(int n) {
        return "ST" + RUN + "-" + n;
    }

    private static List<String> row(int n, String title, String files) {
        return List.of(
                id(n),
                title,
                "数字机关",
                "数据赋能",
                "威海市测试局" + RUN,
                "11371000MB" + RUN.toUpperCase().replaceAll("[^0-9A-Z]", "7") + "0" + n,
                "王" + n,
                "1390000" + String.format("%04d", n),
                "st" + n + "@" + RUN + ".example.cn",
                "王" + n + "、李" + n,
                "2024-08-2" + n + " 10:00:00",
                files);
    }

    private static byte[] form(String title) {
        try {
            return DocxText.replace(Files.readAllBytes(FORM), "轮胎智能工厂质量数据分析平台", title);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("报名信息");
            List<List<String>> all = new ArrayList<>(List.of(HEADERS));
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        rows.forEach(row -> text.append(String.join(",", row)).append("\r\n"));
        return text.toString();
    }

    private static String htmlTable(List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><table><tr>");
        HEADERS.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr>");
        rows.forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        });
        return html.append("</table></body></html>").toString();
    }

    private static byte[] zipOf(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Path folders() {
        try {
            Path base = Files.createDirectories(
                    Path.of("target", "it-export-" + RUN).toAbsolutePath());
            Files.createDirectories(base.resolve("drop"));
            Path routes = Files.createDirectories(base.resolve("routes"));
            Files.writeString(routes.resolve("it-export.camel.yaml"), """
                    - templatedRoute:
                        routeTemplateRef: export
                        routeId: it-export
                        parameters:
                          - name: dropFolder
                            value: "%s"
                          - name: mapping
                            value: shandongtong-export
                          - name: stableSeconds
                            value: "1"
                          - name: pollDelay
                            value: "300"
                    """.formatted(base.resolve("drop")));
            Files.createDirectories(base.resolve("fetch-drop"));
            Files.writeString(routes.resolve("it-fetch.camel.yaml"), """
                    - templatedRoute:
                        routeTemplateRef: export
                        routeId: it-fetch
                        parameters:
                          - name: dropFolder
                            value: "%s"
                          - name: mapping
                            value: shandongtong-export
                          - name: fetchUrl
                            value: "http://127.0.0.1:%d/export/latest.zip"
                          - name: pollDelay
                            value: "300"
                    """.formatted(
                    base.resolve("fetch-drop"), FETCH_SERVER.getAddress().getPort()));
            Files.createDirectories(base.resolve("exam-drop"));
            Files.writeString(routes.resolve("it-exam.camel.yaml"), """
                    - templatedRoute:
                        routeTemplateRef: export
                        routeId: it-exam
                        parameters:
                          - name: dropFolder
                            value: "%s"
                          - name: mapping
                            value: shandongtong-exam
                          - name: pollDelay
                            value: "300"
                    """.formatted(base.resolve("exam-drop")));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
