package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * One budget for a whole submission, across its attachments and the archives in them, with the real archive expander
 * and a real extraction child: past a limit the rest is listed unread and the submission gets one problem.
 */
class SubmissionBudgetTest extends WithExtractionChild {

    @Test
    void filesPastTheSubmissionsCountAreNotReadAndSaidOnce() throws Exception {
        MaterialReader reader = reader();
        SubmissionBudget budget = new SubmissionBudget(new SubmissionLimits(4, DataSize.ofGigabytes(1), 1_000_000));
        Path first = text("说明.txt", "第一个附件");
        Path zip = zip("材料.zip", 5);

        MaterialReader.Materials one = reader.read("说明.txt", first, Files.size(first), "a", temp.resolve("w1"), budget);
        MaterialReader.Materials two = reader.read("材料.zip", zip, Files.size(zip), "b", temp.resolve("w2"), budget);

        assertThat(one.files()).extracting(f -> f.document().path()).containsExactly("说明.txt");
        assertThat(two.files())
                .extracting(f -> f.document().path())
                .containsExactly("材料.zip", "材料.zip/文件0.txt", "材料.zip/文件1.txt");
        assertThat(two.problems()).extracting(Problem::code).doesNotContain("ARCHIVE_TOO_MANY_ENTRIES");
        assertThat(budget.problems()).extracting(Problem::code).containsExactly("SUBMISSION_TOO_MANY_FILES");
    }

    @Test
    void textPastTheSubmissionsBudgetIsCutThenNotExtractedAndSaidOnce() throws Exception {
        MaterialReader reader = reader();
        SubmissionBudget budget = new SubmissionBudget(new SubmissionLimits(100, DataSize.ofGigabytes(1), 150));
        String hundred = "数".repeat(100);

        FileDocument a = only(reader, budget, "甲.txt", hundred);
        FileDocument b = only(reader, budget, "乙.txt", hundred);
        FileDocument c = only(reader, budget, "丙.txt", hundred);

        assertThat(a.text().strip()).hasSize(100);
        assertThat(b.text().strip()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        assertThat(c.text()).isEmpty();
        assertThat(c.extracted()).isFalse();
        assertThat(budget.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("SUBMISSION_TEXT_LIMIT"))
                .satisfies(p -> assertThat(p.location()).isEqualTo("乙.txt"));
    }

    @Test
    void bytesPastTheSubmissionsSizeAreNotRead() throws Exception {
        MaterialReader reader = reader();
        SubmissionBudget budget = new SubmissionBudget(new SubmissionLimits(100, DataSize.ofBytes(40), 1_000_000));
        Path small = text("小.txt", "小文件");
        Path large = text("大.txt", "大".repeat(20));

        reader.read("小.txt", small, Files.size(small), "a", temp.resolve("w5"), budget);
        MaterialReader.Materials read = reader.read("大.txt", large, Files.size(large), "b", temp.resolve("w6"), budget);

        assertThat(read.files())
                .singleElement()
                .satisfies(f -> assertThat(f.document().extracted()).isFalse());
        assertThat(budget.problems()).extracting(Problem::code).containsExactly("SUBMISSION_TOO_LARGE");
    }

    private static MaterialReader reader() {
        return new MaterialReader(
                new ArchiveExpander(ArchiveLimits.defaults(), java.util.Optional.empty()),
                extractor,
                ExtractedTexts.none());
    }

    private static FileDocument only(MaterialReader reader, SubmissionBudget budget, String name, String text)
            throws Exception {
        Path file = text(name, text);
        MaterialReader.Materials read =
                reader.read(name, file, Files.size(file), name, temp.resolve("w-" + name), budget);
        assertThat(read.files()).hasSize(1);
        return read.files().get(0).document();
    }

    private static Path text(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path zip(String name, int files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding("UTF-8");
            for (int i = 0; i < files; i++) {
                zip.putArchiveEntry(new ZipArchiveEntry("文件" + i + ".txt"));
                zip.write(("第" + i + "个文件").getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return Files.write(temp.resolve(name), bytes.toByteArray());
    }
}
