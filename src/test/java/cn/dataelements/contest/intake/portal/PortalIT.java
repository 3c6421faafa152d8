package cn.dataelements.contest.intake.portal;

import static cn.dataelements.contest.intake.portal.PortalFixtures.attachment;
import static cn.dataelements.contest.intake.portal.PortalFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.PortalStandIn;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.RouteFileTexts;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal channel against a local server that speaks the portal's protocol: Chinese registrations over three
 * pages, one of them slow, a file that answers 404, a link that expired, a record that does not map, a record changed
 * after it was taken in, a mail-only track entered by the portal, and one team entering by mail and by the portal. They
 * land in the same indices as mail, with the same model, sections and findings.
 */
@IntakeIT
class PortalIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String MAILBOX = "portal-it@contest.local";
    private static final PortalStandIn PORTAL = start();
    private static final Path ROUTES = folder("routes");
    private static final Path MAPPINGS = folder("mappings");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FORM_TITLE = "轮胎智能工厂质量数据分析平台";
    private static final String FORM_CODE = "913710033340182272";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntrySearch search;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("intake.routes-dir", ROUTES::toString);
        registry.add("intake.mappings-dir", MAPPINGS::toString);
        registry.add("intake.routes.rescan-millis", () -> 300);
    }

    @AfterAll
    static void stop() {
        PORTAL.close();
    }

    @Test
    void registrationsFromThePortalBecomeEntriesBesideTheMailedOnes() throws Exception {
        String base = PORTAL.baseUrl();
        String sameTeamTitle = "门户与邮件同队平台" + RUN;
        String sameTeamCode = "91371002MA" + RUN.toUpperCase().replaceAll("[^0-9A-Z]", "7") + "XY";
        sameTeamCode = sameTeamCode.substring(0, 18);
        RawMail mail = new RawMail("城市治理-" + sameTeamTitle)
                .from("team-" + RUN + "@example.cn")
                .attach("作品申报书.docx", DOCX, form(FORM_TITLE, sameTeamTitle, sameTeamCode));
        TestMailServer.deliver(MAILBOX, mail.bytes());
        IndexedSubmissions index = new IndexedSubmissions(client);
        index.awaitSubmission(mail.messageId());

        PORTAL.file("申报书-" + RUN + "-1.docx", form(FORM_TITLE, "工业质检数据平台" + RUN, code(1)));
        PORTAL.file("申报书-" + RUN + "-2.docx", form(FORM_TITLE, "文旅客流数据平台" + RUN, code(2)));
        PORTAL.file("申报书-" + RUN + "-3.docx", form(FORM_TITLE, "海参养殖数据平台" + RUN, code(3)));
        PORTAL.file("申报书-" + RUN + "-4.docx", form(FORM_TITLE, "医疗影像数据平台" + RUN, code(4)));
        PORTAL.file("申报书-" + RUN + "-6.docx", form(FORM_TITLE, sameTeamTitle, sameTeamCode));
        PORTAL.put(registration(
                id(1),
                "工业质检数据平台" + RUN,
                "工业制造",
                "威海门户测试一公司",
                code(1),
                "13900000001",
                "2024-08-20 09:00:00",
                "2024-08-20 09:00:00",
                attachment(base, "申报书-" + RUN + "-1.docx"),
                attachment(base, "证明材料-" + RUN + ".pdf")));
        PORTAL.put(registration(
                id(2),
                "文旅客流数据平台" + RUN,
                "文化旅游",
                "威海门户测试二公司",
                code(2),
                "13900000002",
                "2024-08-20 10:00:00",
                "2024-08-20 10:00:00",
                attachment(base, "申报书-" + RUN + "-2.docx")));
        PORTAL.put(registration(
                id(3),
                "海参养殖数据平台" + RUN,
                "现代农业",
                "威海门户测试三公司",
                code(3),
                "13900000003",
                "2024-08-20 11:00:00",
                "2024-08-20 11:00:00",
                attachment(base, "申报书-" + RUN + "-3.docx")));
        PORTAL.put(registration(
                id(4),
                "医疗影像数据平台" + RUN,
                "医疗健康",
                "威海门户测试四公司",
                code(4),
                "13900000004",
                "2024-08-20 12:00:00",
                "2024-08-20 12:00:00",
                attachment(base, "申报书-" + RUN + "-4.docx")));
        PORTAL.put(registration(
                id(5), "", "城市治理", "威海门户测试五公司", code(5), "13900000005", "2024-08-20 13:00:00", "2024-08-20 13:00:00"));
        PORTAL.put(registration(
                id(6),
                sameTeamTitle,
                "城市治理",
                "威海门户测试六公司",
                sameTeamCode,
                "13900000006",
                "2024-08-20 14:00:00",
                "2024-08-20 14:00:00",
                attachment(base, "申报书-" + RUN + "-6.docx")));
        PORTAL.file("申报书-" + RUN + "-7.docx", form(FORM_TITLE, "港口能耗数据平台" + RUN, code(7)));
        PORTAL.failFile("申报书-" + RUN + "-7.docx", 503);
        PORTAL.put(registration(
                id(7),
                "港口能耗数据平台" + RUN,
                "工业制造",
                "威海门户测试七公司",
                code(7),
                "13900000007",
                "2024-08-20 15:00:00",
                "2024-08-20 15:00:00",
                attachment(base, "申报书-" + RUN + "-7.docx")));
        PORTAL.expireNextLinkOf("申报书-" + RUN + "-4.docx");
        PORTAL.slowPage(2, 2_500);

        Files.writeString(
                ROUTES.resolve("it-portal.camel.yaml"), RouteFileTexts.portal("it-portal", base, "it-portal"));

        Map<String, Object> first = index.awaitByReference(id(1));
        assertThat(first).containsEntry("channel", "portal").containsEntry("route", "it-portal");
        assertThat(first.get("receivedAt").toString())
                .as("the portal's submission time, Beijing time, not the time it was fetched")
                .isEqualTo(LocalDateTime.parse("2024-08-20T09:00:00")
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant()
                        .toString());
        assertThat(first.get("problems").toString())
                .contains("ATTACHMENT_MISSING")
                .contains("证明材料-" + RUN + ".pdf");
        Entry industry = index.awaitEntryOf(first.get("id").toString());
        assertThat(industry.track().name()).isEqualTo("工业制造");
        assertThat(industry.workTitle()).isEqualTo("工业质检数据平台" + RUN);
        assertThat(industry.units().get(0).name()).isEqualTo("威海门户测试一公司");
        assertThat(industry.sections())
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.text()).isNotBlank());
        assertThat(industry.missingFiles())
                .as("the file the portal did not have is missing from the entry, not only from the submission")
                .singleElement()
                .satisfies(missing -> {
                    assertThat(missing.name()).isEqualTo("证明材料-" + RUN + ".pdf");
                    assertThat(missing.channel()).isEqualTo("portal");
                    assertThat(missing.reasonZh()).contains("404");
                });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(codes(industry.id())).contains("SUBMITTED_FILE_MISSING"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(search.search(new EntrySearch.Request(
                                        "工業質檢數據平台" + RUN,
                                        Map.of("channel", List.of("portal")),
                                        null,
                                        null,
                                        null,
                                        null,
                                        5))
                                .hits())
                        .as("the entry is found in search, by its title written in traditional characters")
                        .first()
                        .extracting(EntrySearch.EntryHit::id)
                        .isEqualTo(industry.id()));

        Map<String, Object> renewed = index.awaitByReference(id(4));
        assertThat(renewed.get("problems").toString()).doesNotContain("ATTACHMENT_MISSING");
        assertThat(renewed.get("files").toString()).contains("申报书-" + RUN + "-4.docx");

        Entry farming =
                index.awaitEntryOf(index.awaitByReference(id(3)).get("id").toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(codes(farming.id())).contains("WRONG_CHANNEL"));

        Map<String, Object> both = index.awaitByReference(id(6));
        Entry team = index.awaitEntryOf(both.get("id").toString());
        assertThat(team.submissions())
                .extracting(Entry.EntrySubmission::channel)
                .contains("mail", "portal");
        assertThat(team.versions()).hasSize(2);

        assertThat(index.awaitLedgerOutcome("QUARANTINED", id(5)).get("reason").toString())
                .contains("作品名称");

        // a file the portal keeps failing to serve: tried a bounded number of times, then missing, and the record in
        Entry unserved =
                index.awaitEntryOf(index.awaitByReference(id(7)).get("id").toString());
        assertThat(unserved.missingFiles())
                .singleElement()
                .satisfies(missing -> assertThat(missing.reasonZh()).contains("无法提供该文件"));

        // changed after it was taken in: a new version of the same entry, not a second entry
        String culture = index.awaitByReference(id(2)).get("id").toString();
        PORTAL.file("补充材料-" + RUN + ".docx", form(FORM_TITLE, "文旅客流数据平台" + RUN, code(2)));
        PORTAL.put(registration(
                id(2),
                "文旅客流数据平台" + RUN,
                "文化旅游",
                "威海门户测试二公司",
                code(2),
                "13900000002",
                "2024-08-20 10:00:00",
                "2024-08-21 08:00:00",
                attachment(base, "申报书-" + RUN + "-2.docx"),
                attachment(base, "补充材料-" + RUN + ".docx")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> index.byReference(id(2)).size() == 2);
        Entry changed = index.awaitEntryOf(culture);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> index.awaitEntryOf(culture).versions().size() == 2);
        assertThat(changed.id())
                .isEqualTo(index.awaitEntryOf(
                                index.byReference(id(2)).get(1).get("id").toString())
                        .id());

        // the overlap shows every record again: none is taken twice
        int listings = PORTAL.listingsServed();
        await().atMost(Duration.ofSeconds(30)).until(() -> PORTAL.listingsServed() > listings + 3);
        for (int n : new int[] {1, 3, 4, 6}) {
            assertThat(index.byReference(id(n))).as(id(n)).hasSize(1);
        }
    }

    private static String id(int n) {
        return "WH" + RUN + "-" + n;
    }

    private static String code(int n) {
        return ("91371002" + RUN.toUpperCase().replaceAll("[^0-9A-Z]", "8") + "000" + n).substring(0, 17) + n;
    }

    private static byte[] form(String title, String newTitle, String code) {
        return PortalFixtures.form(
                "01-headings-chinese-numerals.docx", title, newTitle, FORM_CODE, code, "p" + RUN + code.charAt(17));
    }

    private List<String> codes(String entryId) throws IOException {
        return client
                .get(g -> g.index("contest-findings").id(entryId), EntryFindings.class)
                .source()
                .findings()
                .stream()
                .map(f -> f.finding().code())
                .toList();
    }

    private static PortalStandIn start() {
        try {
            return new PortalStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-portal-" + RUN, name));
            if (name.equals("mappings")) {
                String mapping = Files.readString(Path.of("mappings", "contest-portal.mapping.yaml"))
                        .replace("page-size: 20", "page-size: 2")
                        .replace("overlap-seconds: 300", "overlap-seconds: 86400");
                Files.writeString(dir.resolve("it-portal.mapping.yaml"), mapping);
            } else {
                TestMailServer.account(MAILBOX);
                Files.writeString(
                        dir.resolve("it-mailbox.camel.yaml"),
                        RouteFileTexts.mailbox(MAILBOX, "{{intake.mail.password}}"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
