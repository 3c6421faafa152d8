package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import cn.dataelements.contest.support.ExtractedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an entry says of its form is what its files show: found and read, found but unreadable, or not there. */
class EntryFormStateTest {

    private static final Catalog CATALOG = Catalog.load(Path.of("mappings"));
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static ReadFile file(String path, String text) {
        String xhtml = text.isEmpty()
                ? ""
                : "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
                        + text.lines().map(l -> "<p>" + l + "</p>").reduce("", String::concat)
                        + "</body></html>";
        FileDocument document = new FileDocument(
                path,
                path,
                DOCX,
                text.length(),
                ExtractedFiles.sha256((path + text).getBytes(StandardCharsets.UTF_8)),
                text,
                true);
        return new ReadFile(document, xhtml);
    }

    private static Entry entryOf(ReadFile... files) {
        return EntryBuilders.of(CATALOG)
                .build(ExtractedFiles.submission(
                        "mail", "test", Instant.parse("2024-08-20T02:00:00Z"), List.of(files)));
    }

    @Test
    void aFormWhosePartsAreNotRecognizedKeepsItsWholeTextForThePage() {
        String text = "威海市海洋牧场数据平台\n本作品汇聚水温、盐度与气象数据。\n平台已在三家养殖企业使用，年节约成本两百万元。";

        Entry entry = entryOf(file("作品申报书.docx", text));

        assertThat(entry.sections()).noneMatch(FormSection::found);
        assertThat(entry.formText()).contains("本作品汇聚水温、盐度与气象数据。").contains("年节约成本两百万元");
        assertThat(entry.problems()).extracting(Problem::code).contains("FORM_NOT_RECOGNISED");
    }

    @Test
    void aRecognizedFormShowsItsSectionsAndNoWholeText() {
        String text = "一、作品概述\n汇聚水温数据。\n二、解决方案\n物联网采集。\n三、应用价值\n节约成本。\n四、商业模式\n按年收费。\n五、团队介绍\n十名成员。";

        Entry entry = entryOf(file("作品申报书.docx", text));

        assertThat(entry.sections()).allMatch(FormSection::found);
        assertThat(entry.formText()).isEmpty();
    }

    @Test
    void aFormFileWithoutTextIsSaidUnreadableNotMissing() {
        Entry entry = entryOf(file("作品申报书.docx", ""), file("营业执照.pdf", "营业执照 统一社会信用代码"));

        assertThat(entry.materials())
                .extracting(Material::kind)
                .as("the file list shows the form")
                .contains(MaterialKind.APPLICATION_FORM);
        assertThat(entry.problems())
                .extracting(Problem::code)
                .contains("FORM_UNREADABLE")
                .doesNotContain("FORM_MISSING");
        assertThat(entry.problems())
                .filteredOn(p -> p.code().equals("FORM_UNREADABLE"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("作品申报书.docx");
                    assertThat(p.messageZh()).contains("作品申报书.docx").doesNotContain("未找到");
                });
    }

    @Test
    void noFormFileIsSaidMissing() {
        Entry entry = entryOf(file("营业执照.pdf", "营业执照 统一社会信用代码"));

        assertThat(entry.problems()).extracting(Problem::code).contains("FORM_MISSING");
        assertThat(entry.formText()).isEmpty();
    }
}
