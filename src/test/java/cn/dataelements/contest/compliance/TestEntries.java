package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.ArrayList;
import java.util.List;

/** Builds entries for the pre-check tests: by default a clean 现代农业 entry of one unit, complete, by mail. */
final class TestEntries {

    static final String UNIT = "威海城市大脑科技有限公司";
    static final String CODE = "91371002393137891B";
    static final String FORM = "申报书.docx";

    String id = "entry-a";
    Entry.Track track = new Entry.Track(2, "现代农业");
    String topic = "促进农产品追溯管理能力提高";
    String title = "海参养殖全程追溯数据平台";
    final List<Entry.Unit> units = new ArrayList<>(List.of(new Entry.Unit(UNIT, CODE, true)));
    final List<Entry.Representative> people = new ArrayList<>(List.of(
            person("于明远", "158-6626-9874", "yu@proj.example.com"),
            person("王丽娜", "187-6951-3736", "wang@proj.example.com"),
            person("杨文博", "135-6315-9856", "yang@proj.example.com")));
    final List<FormSection> sections = new ArrayList<>(List.of(
            section("overview", "作品概述", true),
            section("solution", "解决方案", true),
            section("value", "应用价值", true),
            section("business", "商业模式", true),
            section("team", "团队介绍", true)));
    final List<Material> materials = new ArrayList<>(List.of(
            material(FORM, MaterialKind.APPLICATION_FORM),
            material("营业执照.pdf", MaterialKind.PROOF_QUALIFICATION),
            material("承诺书.pdf", MaterialKind.PROOF_RESPONSIBILITY_STATEMENT),
            material("应用案例证明.pdf", MaterialKind.PROOF_APPLICATION_CASE),
            material("审计报告.pdf", MaterialKind.PROOF_FINANCIAL_AUDIT),
            material("软件著作权.pdf", MaterialKind.PROOF_INTELLECTUAL_PROPERTY)));

    static TestEntries entry() {
        return new TestEntries();
    }

    static Entry.Representative person(String name, String phone, String email) {
        return new Entry.Representative(name, "成员", phone, email);
    }

    static FormSection section(String key, String title, boolean found) {
        return new FormSection(key, title, found, found ? "一、" + title : "", found ? "……" : "", List.of());
    }

    static Material material(String name, MaterialKind kind) {
        return new Material(name, "mail/" + name, kind, "sub-1", "0".repeat(64));
    }

    TestEntries id(String value) {
        id = value;
        return this;
    }

    TestEntries title(String value) {
        title = value;
        return this;
    }

    TestEntries track(int number, String name) {
        track = new Entry.Track(number, name);
        return this;
    }

    TestEntries units(Entry.Unit... value) {
        units.clear();
        units.addAll(List.of(value));
        return this;
    }

    TestEntries people(Entry.Representative... value) {
        people.clear();
        people.addAll(List.of(value));
        return this;
    }

    TestEntries missingSection(String key) {
        sections.replaceAll(s -> s.key().equals(key) ? section(s.key(), s.title(), false) : s);
        return this;
    }

    Entry build() {
        List<Entry.EntrySubmission> submissions =
                List.of(new Entry.EntrySubmission("sub-1", "mail", "<1@example.com>", null));
        return new Entry(
                id,
                submissions,
                track,
                topic,
                title,
                "",
                units,
                people,
                null,
                sections,
                materials,
                List.of(),
                "received",
                "",
                List.of(new Entry.Version(1, "sub-1", null, false, materials)),
                1,
                null,
                List.of(),
                "");
    }
}
