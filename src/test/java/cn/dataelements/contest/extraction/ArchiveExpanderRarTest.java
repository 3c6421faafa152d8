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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAR goes through bsdtar; the RAR5 fixture is a real (stored) RAR5 file, see {@code Rar5StoredWriter}. */
class ArchiveExpanderRarTest {

    private static final Optional<Path> BSDTAR = BsdtarReader.findOnPath();
    private static final byte[] APPLICATION = "数据要素×大赛 威海赛区 申报书\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path out;

    /** bin/setup installs libarchive-tools: a machine without bsdtar fails here rather than skipping. */
    private static void requireBsdtar() {
        assertThat(BSDTAR)
                .as("bsdtar from Debian's libarchive-tools (bin/setup installs it)")
                .isPresent();
    }

    @Test
    void rar5IsExpandedWithBsdtar() throws Exception {
        requireBsdtar();

        ExpansionResult result = new ArchiveExpander(ArchiveLimits.defaults())
                .expand(fixture("rar5-stored-chinese-names.rar"), "证明.rar", out);

        assertThat(paths(result)).containsExactly("证明.rar/资质/营业执照.pdf", "证明.rar/说明.txt");
        assertThat(Files.readAllBytes(result.files().get(1).file())).isEqualTo(APPLICATION);
        assertThat(result.problems()).isEmpty();
        assertThat(filesIn(out)).isEqualTo(written(result));
    }

    @Test
    void limitsApplyToWhatBsdtarStreams() throws Exception {
        requireBsdtar();

        ExpansionResult result = new ArchiveExpander(new ArchiveLimits(3, 2000, 1L << 30, 34, 100), BSDTAR)
                .expand(fixture("rar5-stored-chinese-names.rar"), "证明.rar", out);

        assertThat(paths(result)).containsExactly("证明.rar/资质/营业执照.pdf");
        assertThat(codes(result)).containsExactly("ARCHIVE_ENTRY_TOO_LARGE");
        assertThat(locations(result)).containsExactly("证明.rar/说明.txt");
    }

    @Test
    void truncatedRarIsCorrupt() throws Exception {
        requireBsdtar();
        byte[] rar = Files.readAllBytes(fixture("rar5-stored-chinese-names.rar"));
        Path truncated = Files.write(out.resolve("in.rar"), Arrays.copyOf(rar, 60));

        ExpansionResult result =
                new ArchiveExpander(ArchiveLimits.defaults(), BSDTAR).expand(truncated, "坏.rar", out.resolve("x"));

        assertThat(codes(result)).containsExactly("ARCHIVE_CORRUPT");
        assertThat(result.problems().get(0).detailEn()).contains("bsdtar exit");
    }

    @Test
    void hangingExtractorIsKilledAfterTheTimeout() throws Exception {
        Path hanging = out.resolve("bsdtar");
        Files.writeString(hanging, "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        ArchiveLimits limits = new ArchiveLimits(3, 2000, 1L << 30, 1L << 20, 100, Duration.ofMillis(300));

        ExpansionResult result = new ArchiveExpander(limits, Optional.of(hanging))
                .expand(fixture("rar5-stored-chinese-names.rar"), "慢.rar", out.resolve("x"));

        assertThat(codes(result)).containsExactly("ARCHIVE_TIMEOUT");
    }

    @Test
    void withoutBsdtarRarIsKeptAsReceivedWithAProblem() throws Exception {
        ExpansionResult result = new ArchiveExpander(ArchiveLimits.defaults(), Optional.empty())
                .expand(fixture("rar5-stored-chinese-names.rar"), "证明.rar", out);

        assertThat(result.files()).isEmpty();
        assertThat(codes(result)).containsExactly("ARCHIVE_RAR_UNSUPPORTED");
        assertThat(result.problems().get(0).messageZh()).contains("原样保存").contains("ZIP");
    }

    @Test
    void withoutBsdtarNestedRarStaysAFile() throws Exception {
        byte[] rar = Files.readAllBytes(fixture("rar5-stored-chinese-names.rar"));
        Path zip = Files.write(out.resolve("in.zip"), TestZips.zip(Map.of("证明.rar", rar)));

        ExpansionResult result =
                new ArchiveExpander(ArchiveLimits.defaults(), Optional.empty()).expand(zip, "材料.zip", out.resolve("x"));

        assertThat(paths(result)).containsExactly("材料.zip/证明.rar");
        assertThat(result.files().get(0).size()).isEqualTo(rar.length);
        assertThat(codes(result)).containsExactly("ARCHIVE_RAR_UNSUPPORTED");
        assertThat(locations(result)).containsExactly("材料.zip/证明.rar");
    }
}
