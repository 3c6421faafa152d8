package cn.dataelements.contest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.entry.MaterialKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    private static final Path MAPPINGS = Path.of("mappings");

    @TempDir
    Path dir;

    @Test
    void loadsTheFourteenTracksOfTheGuide() {
        TrackCatalog tracks = CatalogLoader.load(MAPPINGS).tracks();

        assertThat(tracks.tracks())
                .extracting(Track::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(tracks.tracks())
                .extracting(Track::name)
                .containsExactly(
                        "工业制造", "现代农业", "商贸流通", "交通运输", "金融服务", "科技创新", "文化旅游", "医疗健康", "应急管理", "气象服务", "城市治理", "绿色低碳",
                        "教育创新", "数字机关");
    }

    @Test
    void channelsAreTheGuides() {
        TrackCatalog tracks = CatalogLoader.load(MAPPINGS).tracks();

        assertThat(tracks.tracks().stream().filter(t -> t.channel() == Channel.PORTAL))
                .extracting(Track::number)
                .containsExactly(1, 7, 8, 11);
        assertThat(tracks.track(2).channel()).isEqualTo(Channel.MAIL);
        assertThat(tracks.track(13).channel()).isEqualTo(Channel.NONE);
        assertThat(tracks.track(14).channel()).isEqualTo(Channel.EXPORT);
    }

    @Test
    void topicsAreCountedAndWordedAsInTheGuide() {
        TrackCatalog tracks = CatalogLoader.load(MAPPINGS).tracks();

        assertThat(tracks.tracks())
                .extracting(t -> t.topics().size())
                .containsExactly(4, 5, 3, 6, 4, 4, 4, 4, 3, 2, 4, 4, 2, 2);
        Topic third = tracks.track(1).topic(3).orElseThrow();
        assertThat(third.title()).isEqualTo("提升服务型制造能力");
        assertThat(third.summary()).startsWith("加强产品全生命周期数据采集");
        // The guide's page break inside this paragraph is gone: one sentence again.
        assertThat(tracks.track(2).topic(3).orElseThrow().summary()).contains("通过综合利用农产品生产、销售、加工等数据");
    }

    @Test
    void tracksOneToTwelveHaveTheFiveSectionsAndTheirMaterials() {
        Track industry = CatalogLoader.load(MAPPINGS).tracks().track(1);

        assertThat(industry.form().sections())
                .extracting(SectionSpec::key, SectionSpec::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("overview", "作品概述"),
                        org.assertj.core.groups.Tuple.tuple("solution", "解决方案"),
                        org.assertj.core.groups.Tuple.tuple("value", "应用价值"),
                        org.assertj.core.groups.Tuple.tuple("business", "商业模式"),
                        org.assertj.core.groups.Tuple.tuple("team", "团队介绍"));
        assertThat(industry.materials())
                .contains(
                        new MaterialRequirement(MaterialKind.APPLICATION_FORM, Need.REQUIRED),
                        new MaterialRequirement(MaterialKind.PROOF_APPLICATION_CASE, Need.REQUIRED),
                        new MaterialRequirement(MaterialKind.PROOF_FINANCIAL_AUDIT, Need.RECOMMENDED));
        assertThat(industry.form().section("solution").orElseThrow().parts())
                .extracting(PartSpec::title)
                .containsExactly("架构设计", "方案功能", "关键技术", "数据要素利用方案");
    }

    @Test
    void digitalGovernmentHasTwoDirections() {
        Track track = CatalogLoader.load(MAPPINGS).tracks().track(14);

        Direction empowerment = track.direction("empowerment").orElseThrow();
        assertThat(empowerment.name()).isEqualTo("数据赋能");
        assertThat(empowerment.form().sections())
                .extracting(SectionSpec::key)
                .containsExactly("demand", "technology", "application", "benefit");
        assertThat(empowerment.materials())
                .extracting(MaterialRequirement::kind)
                .containsExactly(
                        MaterialKind.SOLUTION_INTRODUCTION,
                        MaterialKind.DATA_USE_STATEMENT,
                        MaterialKind.REGISTRATION_SHEET);
        Direction skills = track.direction("skills").orElseThrow();
        assertThat(skills.materials()).isEmpty();
        assertThat(skills.form().isEmpty()).isTrue();
        assertThat(track.findDirection("方向：數字技能")).contains(skills);
    }

    @Test
    void educationIsNotAcceptedAndAsksForNothing() {
        Track education = CatalogLoader.load(MAPPINGS).tracks().track(13);

        assertThat(education.materials()).isEmpty();
        assertThat(education.form().isEmpty()).isTrue();
    }

    @Test
    void aWrongChannelIsNamedByFileAndKey() throws IOException {
        copyMappings();
        replace(CatalogLoader.TRACKS, "channel: mail", "channel: email");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(dir.resolve("tracks.yaml") + ": tracks[1].channel: 'email' is not a channel")
                .hasMessageContaining("valid: [portal, mail, export, none]");
    }

    @Test
    void aMissingAndADuplicatedTrackAreBothReported() throws IOException {
        copyMappings();
        replace(CatalogLoader.TRACKS, "number: 7\n    name", "number: 6\n    name");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(
                                        p -> p.endsWith(
                                                "tracks[6].number: track 6 is defined twice (also tracks[5]); valid: each number 1-14 exactly once"))
                                .anyMatch(p -> p.endsWith(
                                        "tracks: track 7 is missing; valid: each number 1-14 exactly once")));
    }

    @Test
    void anUnknownMaterialKindAndAnUndefinedSectionAreReported() throws IOException {
        copyMappings();
        replace(CatalogLoader.TRACKS, "kind: PROOF_FINANCIAL_AUDIT", "kind: PROOF_AUDIT");
        replace(
                CatalogLoader.TRACKS,
                "[overview, solution, value, business, team]",
                "[overview, solution, valeu, business, team]");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .isInstanceOfSatisfying(
                        CatalogException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(
                                        p -> p.contains(
                                                "tracks.yaml: tracks[0].materials[4].kind: 'PROOF_AUDIT' is not a MaterialKind; valid: [APPLICATION_FORM,"))
                                .anyMatch(
                                        p -> p.contains(
                                                "tracks.yaml: tracks[0].sections[2]: section 'valeu' is not defined in form-sections.yaml; valid: [application,")));
    }

    @Test
    void anEmptySynonymIsReported() throws IOException {
        copyMappings();
        replace(CatalogLoader.SECTIONS, "synonyms: [技术方案, 实施方案", "synonyms: ['', 实施方案");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining("form-sections.yaml: sections[1].synonyms[0]: empty entry");
    }

    @Test
    void aSectionNameInTwoSectionsIsReported() throws IOException {
        copyMappings();
        replace(CatalogLoader.SECTIONS, "synonyms: [技术方案, 实施方案", "synonyms: [项目概述, 实施方案");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining("form-sections.yaml: sections[1]: name '项目概述' is also used by sections[0]");
    }

    @Test
    void aRuleWithoutKindIsReported() throws IOException {
        copyMappings();
        replace(CatalogLoader.MATERIALS, "  - kind: ARCHIVE\n", "  - extensions: [zip]\n  - kind: ARCHIVE\n");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining("materials.yaml: rules[0].kind: missing kind; valid: [APPLICATION_FORM,");
    }

    @Test
    void anUnknownKeyIsReportedWithItsPathAndTheValidKeys() throws IOException {
        copyMappings();
        replace(CatalogLoader.TRACKS, "    channel: portal\n", "    chanel: portal\n");

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining("tracks.yaml: tracks[0].chanel: unknown key 'chanel'; valid: [")
                .hasMessageContaining("channel");
    }

    @Test
    void yamlThatDoesNotParseIsReportedWithItsLine() throws IOException {
        copyMappings();
        Files.writeString(
                dir.resolve(CatalogLoader.MATERIALS), "rules:\n  - kind: ARCHIVE: VIDEO\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining(dir.resolve("materials.yaml") + ": not valid YAML (line 2)");
    }

    @Test
    void aMissingFileIsReported() throws IOException {
        copyMappings();
        Files.delete(dir.resolve(CatalogLoader.SECTIONS));

        assertThatThrownBy(() -> CatalogLoader.load(dir))
                .hasMessageContaining(dir.resolve("form-sections.yaml") + ": file not found");
    }

    private void copyMappings() throws IOException {
        for (String name : List.of(CatalogLoader.TRACKS, CatalogLoader.SECTIONS, CatalogLoader.MATERIALS)) {
            Files.copy(MAPPINGS.resolve(name), dir.resolve(name));
        }
    }

    /** Replaces the first occurrence, so a test breaks one specific place of a real file. */
    private void replace(String name, String from, String to) throws IOException {
        Path file = dir.resolve(name);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        assertThat(at).as("%s in %s", from, name).isNotNegative();
        Files.writeString(
                file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
    }
}
