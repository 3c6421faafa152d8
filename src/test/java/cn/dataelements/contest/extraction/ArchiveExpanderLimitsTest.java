package cn.dataelements.contest.extraction;

import static cn.dataelements.contest.extraction.ArchiveTestSupport.codes;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.filesIn;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.fixture;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.locations;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.paths;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.written;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.extraction.fixtures.TestZips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExpanderLimitsTest {

    @TempDir
    Path out;

    private static ArchiveExpander with(ArchiveLimits limits) {
        return new ArchiveExpander(limits, Optional.empty());
    }

    @Test
    void threeLevelsOpenWithinTheDefaultDepth() throws Exception {
        ExpansionResult result = with(ArchiveLimits.defaults()).expand(fixture("three-levels-deep.zip"), "套娃.zip", out);

        assertThat(paths(result))
                .containsExactly("套娃.zip/一层.txt", "套娃.zip/二层.zip/二层.txt", "套娃.zip/二层.zip/三层.zip/三层.txt");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void tooDeepArchiveIsKeptUnopened() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(2, 2000, 1L << 30, 1L << 20, 100))
                .expand(fixture("three-levels-deep.zip"), "套娃.zip", out);

        assertThat(paths(result)).containsExactly("套娃.zip/一层.txt", "套娃.zip/二层.zip/二层.txt", "套娃.zip/二层.zip/三层.zip");
        assertThat(codes(result)).containsExactly("ARCHIVE_TOO_DEEP");
        assertThat(locations(result)).containsExactly("套娃.zip/二层.zip/三层.zip");
    }

    @Test
    void zipBombEntryIsStoppedByRatioAndTheRestKept() throws Exception {
        ExpansionResult result = with(ArchiveLimits.defaults()).expand(fixture("zip-bomb-ratio.zip"), "炸.zip", out);

        assertThat(paths(result)).containsExactly("炸.zip/说明.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_SUSPICIOUS_RATIO");
        assertThat(locations(result)).containsExactly("炸.zip/炸弹.bin");
        assertThat(filesIn(out)).isEqualTo(written(result)); // the partial bomb output is gone
    }

    @Test
    void bombIsJudgedPerEntryEvenWhenTheWholeArchiveLooksHarmless() throws Exception {
        byte[] noise = new byte[3 << 20];
        new Random(42).nextBytes(noise); // incompressible: keeps the archive-wide ratio low
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("数据.bin", noise);
        entries.put("炸弹.bin", new byte[20 << 20]);
        entries.put("后面.txt", "之后的文件".getBytes(StandardCharsets.UTF_8));
        Path zip = Files.write(out.resolve("in.zip"), TestZips.zip(entries));

        ExpansionResult result = with(ArchiveLimits.defaults()).expand(zip, "混.zip", out.resolve("x"));

        assertThat(paths(result)).containsExactly("混.zip/数据.bin", "混.zip/后面.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_SUSPICIOUS_RATIO");
        assertThat(locations(result)).containsExactly("混.zip/炸弹.bin");
    }

    @Test
    void ratioIsNotJudgedOnOutputsUnderTheGrace() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2000, 1L << 30, 64L << 20, 1_000_000))
                .expand(fixture("zip-bomb-ratio.zip"), "炸.zip", out);

        assertThat(paths(result)).containsExactly("炸.zip/说明.txt", "炸.zip/炸弹.bin");
        assertThat(result.files().get(1).size()).isEqualTo(20L << 20);
    }

    @Test
    void entryOverThePerEntryLimitIsSkippedAndZipGoesOn() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2000, 1L << 30, 34, 100))
                .expand(fixture("gbk-names-no-utf8-flag.zip"), "z.zip", out);

        assertThat(paths(result)).containsExactly("z.zip/资质/营业执照.pdf"); // 34 bytes exactly: allowed
        assertThat(codes(result)).containsExactly("ARCHIVE_ENTRY_TOO_LARGE");
        assertThat(locations(result)).containsExactly("z.zip/项目申报书.txt");
        assertThat(filesIn(out)).isEqualTo(written(result));
    }

    @Test
    void entryOverTheLimitEndsAStreamedArchive() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2000, 1L << 30, 20, 100))
                .expand(fixture("tar-gz-utf8-names.tar.gz"), "t.tgz", out);

        assertThat(result.files()).isEmpty();
        assertThat(codes(result)).containsExactly("ARCHIVE_ENTRY_TOO_LARGE");
        assertThat(result.problems().get(0).messageZh()).endsWith("该压缩包中其后的文件也未解压。");
    }

    @Test
    void totalLimitStopsEverything() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2000, 50, 1L << 20, 100))
                .expand(fixture("seven-z-chinese-names.7z"), "s.7z", out);

        assertThat(paths(result)).containsExactly("s.7z/申报书.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_TOO_LARGE");
        assertThat(locations(result)).containsExactly("s.7z/附件/数据.csv");
        assertThat(filesIn(out)).isEqualTo(written(result));
    }

    @Test
    void entryCountLimitKeepsTheFirstOnes() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2, 1L << 30, 1L << 20, 100))
                .expand(fixture("seven-z-chinese-names.7z"), "s.7z", out);

        assertThat(paths(result)).containsExactly("s.7z/申报书.txt", "s.7z/附件/数据.csv");
        assertThat(codes(result)).containsExactly("ARCHIVE_TOO_MANY_ENTRIES");
        assertThat(locations(result)).containsExactly("s.7z");
    }

    @Test
    void entryCountCoversNestedArchives() throws Exception {
        ExpansionResult result = with(new ArchiveLimits(3, 2, 1L << 30, 1L << 20, 100))
                .expand(fixture("nested-zip-in-zip.zip"), "n.zip", out);

        assertThat(paths(result)).containsExactly("n.zip/封面.txt", "n.zip/团队材料/内层.zip/说明.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_TOO_MANY_ENTRIES");
        assertThat(locations(result)).containsExactly("n.zip/团队材料/内层.zip");
    }

    @Test
    void ooxmlSafetySetsPoiZipLimits() {
        double ratio = ZipSecureFile.getMinInflateRatio();
        long size = ZipSecureFile.getMaxEntrySize();
        try {
            OoxmlSafety.apply();
            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
            assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(512L << 20);
        } finally {
            ZipSecureFile.setMinInflateRatio(ratio);
            ZipSecureFile.setMaxEntrySize(size);
        }
    }
}
