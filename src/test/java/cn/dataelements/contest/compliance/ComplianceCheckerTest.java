package cn.dataelements.contest.compliance;

import static cn.dataelements.contest.compliance.TestEntries.CODE;
import static cn.dataelements.contest.compliance.TestEntries.UNIT;
import static cn.dataelements.contest.compliance.TestEntries.entry;
import static cn.dataelements.contest.compliance.TestEntries.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.entry.Entry;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplianceCheckerTest {

    private static final Catalog CATALOG = Catalog.load(Path.of("mappings"));
    private static final ComplianceSettings SETTINGS =
            ComplianceSettings.load(Path.of("mappings"), "forbidden-words.txt");
    private static final String FORM = "mail/申报书.docx";

    private WatchListStore store;
    private final List<Entry> others = new ArrayList<>();

    @BeforeEach
    void store() {
        store = new WatchListStore(
                cn.dataelements.contest.support.TestDatabase.fresh().jdbc(),
                Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC));
    }

    private List<Finding> check(Entry entry, String channel) {
        return check(entry, channel, Map.of());
    }

    private List<Finding> check(Entry entry, String channel, Map<String, String> texts) {
        EntryDirectory directory = e -> others;
        return new ComplianceChecker(CATALOG.tracks(), SETTINGS, store, directory)
                .check(new CheckInput(entry, texts, channel));
    }

    @Test
    void aCleanEntryHasNoFindings() {
        String proof = "兹证明威海城市大脑科技有限公司开发的海参养殖全程追溯数据平台已在本公司使用。";

        assertThat(check(entry().build(), "mail", Map.of("mail/应用案例证明.pdf", proof)))
                .isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsBlocking() {
        Entry entry =
                entry().units(new Entry.Unit(UNIT, "91371002393137891C", true)).build();

        assertThat(check(entry, "mail"))
                .containsExactly(new Finding(
                        "CREDIT_CODE_INVALID",
                        Severity.BLOCKING,
                        "单位“威海城市大脑科技有限公司”的统一社会信用代码“91371002393137891C”校验位不正确",
                        new Evidence(FORM, "units[0].creditCode", "91371002393137891C", -1)));
    }

    @Test
    void sixRepresentativesAreTooMany() {
        Entry entry = entry().people(
                        person("甲一", "13000000001", ""),
                        person("乙二", "13000000002", ""),
                        person("丙三", "13000000003", ""),
                        person("丁四", "13000000004", ""),
                        person("戊五", "13000000005", ""),
                        person("己六", "13000000006", ""))
                .build();

        assertThat(check(entry, "mail"))
                .containsExactly(new Finding(
                        "TOO_MANY_REPRESENTATIVES",
                        Severity.BLOCKING,
                        "参赛代表共6人，超过每队5人的上限",
                        new Evidence(FORM, "representatives", "6", -1)));
    }

    @Test
    void aPersonInTwoTeamsOfOtherUnitsIsFound() {
        // the same person, written with another phone format and upper-case mail, in another unit's team
        others.add(entry().id("entry-b")
                .title("智慧渔港调度系统")
                .units(new Entry.Unit("威海港湾信息技术有限公司", "91371002401452251L", true))
                .people(person("王丽娜", "+86 187 6951 3736", "WANG@other.example.com"))
                .build());

        assertThat(check(entry().build(), "mail"))
                .containsExactly(new Finding(
                        "PERSON_IN_SEVERAL_TEAMS",
                        Severity.BLOCKING,
                        "参赛队员“王丽娜”同时在其他团队的作品“智慧渔港调度系统”（entry-b）中，每人只能加入1个参赛团队",
                        Evidence.field("representatives[1]", "王丽娜 ↔ entry-b")));
    }

    @Test
    void aNameAloneDoesNotMakeTheSamePerson() {
        others.add(entry().id("entry-b")
                .title("智慧渔港调度系统")
                .units(new Entry.Unit("威海港湾信息技术有限公司", "91371002401452251L", true))
                .people(person("王丽娜", "139-0000-0000", "lina@other.example.com"))
                .build());

        assertThat(check(entry().build(), "mail")).isEmpty();
    }

    @Test
    void aSecondWorkOfOneTeamIsFound() {
        others.add(entry().id("entry-b").title("海洋牧场数据服务平台").build());

        assertThat(check(entry().build(), "mail"))
                .containsExactly(new Finding(
                        "TEAM_SEVERAL_WORKS",
                        Severity.BLOCKING,
                        "单位“威海城市大脑科技有限公司”的同一团队另提交了作品“海洋牧场数据服务平台”（entry-b），每个团队只能提交1个作品",
                        Evidence.field("workTitle", "海参养殖全程追溯数据平台 ↔ entry-b")));
    }

    @Test
    void theSameTeamInAnotherTrackIsFound() {
        others.add(
                entry().id("entry-b").title("《海参养殖全程追溯数据平台》").track(3, "商贸流通").build());

        assertThat(check(entry().build(), "mail"))
                .extracting(Finding::code, Finding::severity, Finding::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "TEAM_SEVERAL_TRACKS", Severity.BLOCKING, Evidence.field("track", "现代农业 ↔ entry-b")));
    }

    @Test
    void theSameTeamInTheSameTrackIsAVersionNotAFinding() {
        others.add(entry().id("entry-b").build());

        assertThat(check(entry().build(), "portal")).extracting(Finding::code).containsExactly("WRONG_CHANNEL");
    }

    @Test
    void modernAgricultureByThePortalIsTheWrongChannel() {
        assertThat(check(entry().build(), "portal"))
                .containsExactly(new Finding(
                        "WRONG_CHANNEL",
                        Severity.BLOCKING,
                        "现代农业赛道应通过大赛邮箱提交，本作品经公共数据开放网大赛报名入口提交",
                        new Evidence(FORM, "channel", "portal", -1)));
    }

    @Test
    void educationInnovationIsNotAccepted() {
        assertThat(check(entry().track(13, "教育创新").build(), "mail"))
                .containsExactly(new Finding(
                        "TRACK_NOT_ACCEPTED",
                        Severity.BLOCKING,
                        "教育创新赛道不在威海市选拔赛中报名，请直接报名山东分赛",
                        new Evidence(FORM, "track", "教育创新", -1)));
    }

    @Test
    void anEntryWithoutTrackIsFound() {
        TestEntries builder = entry();
        builder.track = null;

        assertThat(check(builder.build(), "mail"))
                .extracting(Finding::code, Finding::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TRACK_UNKNOWN", new Evidence(FORM, "track", "", -1)));
    }

    @Test
    void aMissingSectionIsFound() {
        assertThat(check(entry().missingSection("business").build(), "mail"))
                .containsExactly(new Finding(
                        "FORM_SECTION_MISSING",
                        Severity.BLOCKING,
                        "作品申报书缺少“商业模式”部分",
                        new Evidence(FORM, "sections.business", "商业模式", -1)));
    }

    @Test
    void missingMaterialsAreBlockingOrWarnings() {
        TestEntries builder = entry();
        builder.materials.removeIf(m -> m.name().startsWith("应用案例") || m.name().startsWith("审计"));

        assertThat(check(builder.build(), "mail"))
                .containsExactly(
                        new Finding(
                                "MATERIAL_MISSING",
                                Severity.BLOCKING,
                                "缺少必需材料：应用案例证明",
                                Evidence.field("materials", "PROOF_APPLICATION_CASE")),
                        new Finding(
                                "MATERIAL_RECOMMENDED_MISSING",
                                Severity.WARNING,
                                "未提供建议提交的材料：财务审计证明",
                                Evidence.field("materials", "PROOF_FINANCIAL_AUDIT")));
    }

    @Test
    void aForbiddenWordInTheTitleIsFoundWithItsOffset() {
        Entry entry = entry().title("国家级海参养殖追溯平台").build();

        assertThat(check(entry, "mail"))
                .containsExactly(new Finding(
                        "WORK_TITLE_FORBIDDEN_WORD",
                        Severity.BLOCKING,
                        "作品名称“国家级海参养殖追溯平台”含有不宜使用的词语“国家级”",
                        new Evidence(FORM, "workTitle", "国家级", 0)));
    }

    @Test
    void aUnitOnTheDishonestyListIsFound() {
        importGbk(ListKind.DISHONEST, "失信名单.csv", "单位名称,统一社会信用代码\r\n" + UNIT + "," + CODE + "\r\n");

        assertThat(check(entry().build(), "mail"))
                .containsExactly(new Finding(
                        "UNIT_DISHONEST",
                        Severity.BLOCKING,
                        "单位“威海城市大脑科技有限公司”（91371002393137891B）在失信名单中（2025-06-01T100000-失信名单.csv），不得参赛",
                        new Evidence(FORM, "units[0]", CODE, -1)));
    }

    @Test
    void aTeamOnTheProvincialListIsFound() {
        store.importList(
                ListKind.PROVINCIAL,
                "省赛报名.csv",
                new ByteArrayInputStream(("\uFEFF单位名称,统一社会信用代码,作品名称\n" + UNIT + "," + CODE + ",海参养殖全程追溯数据平台\n" + UNIT
                                + "," + CODE + ",另一个作品\n")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(check(entry().build(), "mail"))
                .extracting(Finding::code, Finding::severity, Finding::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "TEAM_IN_PROVINCIAL_CONTEST",
                        Severity.BLOCKING,
                        new Evidence(FORM, "workTitle", "海参养殖全程追溯数据平台", -1)));
    }

    @Test
    void anotherWorkOfAProvincialUnitIsNotAFinding() {
        importGbk(ListKind.PROVINCIAL, "省赛.csv", "单位名称,统一社会信用代码,作品名称\r\n" + UNIT + "," + CODE + ",另一个作品\r\n");

        assertThat(check(entry().build(), "mail")).isEmpty();
    }

    @Test
    void aProofNamingAnotherCompanyIsAWarning() {
        String proof = "兹证明威海城市大脑科技有限公司开发的海参养殖全程追溯数据平台已在威海海洋渔业集团有限公司投入使用。";

        assertThat(check(entry().build(), "mail", Map.of("mail/应用案例证明.pdf", proof)))
                .containsExactly(new Finding(
                        "PROOF_NAMES_OTHER_ORGANIZATION",
                        Severity.WARNING,
                        "证明材料“应用案例证明.pdf”提到参赛单位以外的组织“威海海洋渔业集团有限公司”，请人工核实是否为母公司、子公司或控股公司的材料",
                        new Evidence("mail/应用案例证明.pdf", "text", "威海海洋渔业集团有限公司", proof.indexOf("威海海洋"))));
    }

    @Test
    void aScannedProofNamingTheUnitWithOneCharacterMisreadIsNoFinding() {
        String misread = UNIT.substring(0, UNIT.length() - 6) + "枝" + UNIT.substring(UNIT.length() - 5);
        assertThat(misread).hasSameSizeAs(UNIT).isNotEqualTo(UNIT);
        String scan = cn.dataelements.contest.ocr.OcrTexts.MARK + "\n营业执照\n名称：" + misread + "\n类型：有限责任公司";

        assertThat(check(entry().build(), "mail", Map.of("mail/应用案例证明.pdf", scan)))
                .as("OCR misread one character of the unit's own name")
                .isEmpty();
        assertThat(check(entry().build(), "mail", Map.of("mail/应用案例证明.pdf", "名称：" + misread)))
                .as("the same name typed, not read from a scan, is another organization")
                .extracting(Finding::code)
                .containsExactly("PROOF_NAMES_OTHER_ORGANIZATION");
    }

    @Test
    void aScannedLicenceOfAnotherUnitIsAFindingThatSaysItRestsOnOcr() {
        String scan = cn.dataelements.contest.ocr.OcrTexts.MARK + "\n营业执照\n名称：威海海洋渔业集团有限公司\n类型：有限责任公司";

        assertThat(check(entry().build(), "mail", Map.of("mail/应用案例证明.pdf", scan)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.code()).isEqualTo("PROOF_NAMES_OTHER_ORGANIZATION");
                    assertThat(finding.messageZh()).contains("依据 OCR 识别的文字").contains("威海海洋渔业集团有限公司");
                    assertThat(finding.evidence().field()).isEqualTo("ocr");
                });
    }

    @Test
    void severalUnitsWithoutALeadAreFound() {
        Entry entry = entry().units(
                        new Entry.Unit(UNIT, CODE, false), new Entry.Unit("威海职业学院", "12371002335009330F", false))
                .build();

        assertThat(check(entry, "mail"))
                .containsExactly(new Finding(
                        "LEAD_UNIT_MISSING",
                        Severity.BLOCKING,
                        "2家单位联合参赛，但未指定牵头参赛单位",
                        new Evidence(FORM, "units", "2", -1)));
    }

    @Test
    void aGovernmentBodyOutsideTrack14AndAMissingCodeAreFound() {
        Entry entry = entry().units(
                        new Entry.Unit(UNIT, CODE, true),
                        new Entry.Unit("威海市大数据局", "11371000352792355X", false),
                        new Entry.Unit("威海某某合作社", "", false))
                .build();

        assertThat(check(entry, "mail"))
                .extracting(Finding::code, Finding::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "GOVERNMENT_UNIT_OUTSIDE_TRACK_14",
                                new Evidence(FORM, "units[1].creditCode", "11371000352792355X", -1)),
                        org.assertj.core.groups.Tuple.tuple(
                                "CREDIT_CODE_MISSING", new Evidence(FORM, "units[2].creditCode", "威海某某合作社", -1)));
    }

    private void importGbk(ListKind kind, String name, String csv) {
        store.importList(kind, name, new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))));
    }
}
