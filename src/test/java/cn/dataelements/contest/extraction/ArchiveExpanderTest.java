package cn.dataelements.contest.extraction;

import static cn.dataelements.contest.extraction.ArchiveTestSupport.codes;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.filesIn;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.fixture;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.locations;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.paths;
import static cn.dataelements.contest.extraction.ArchiveTestSupport.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExpanderTest {

    private static final byte[] LICENCE = "%PDF-1.4 营业执照（样例）\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] APPLICATION = "数据要素×大赛 威海赛区 申报书\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path out;

    private final ArchiveExpander expander = new ArchiveExpander(ArchiveLimits.defaults(), Optional.empty());

    @Test
    void fixtureReallyHasGbkNamesWithoutUtf8Flag() throws IOException {
        try (ZipFile zip =
                ZipFile.builder().setPath(fixture("gbk-names-no-utf8-flag.zip")).get()) {
            ZipArchiveEntry entry = zip.getEntriesInPhysicalOrder().nextElement();
            assertThat(entry.getGeneralPurposeBit().usesUTF8ForNames()).isFalse();
            assertThat(entry.getRawName()).isEqualTo("资质/".getBytes(Charset.forName("GBK")));
        }
    }

    @Test
    void gbkNamesWithoutUtf8FlagComeOutChineseAndJunkIsSkipped() throws Exception {
        ExpansionResult result = expander.expand(fixture("gbk-names-no-utf8-flag.zip"), "相关证明材料.zip", out);

        assertThat(paths(result)).containsExactly("相关证明材料.zip/资质/营业执照.pdf", "相关证明材料.zip/项目申报书.txt");
        assertThat(result.files().get(0).size()).isEqualTo(LICENCE.length);
        assertThat(result.files().get(0).sha256()).isEqualTo(sha256(LICENCE));
        assertThat(Files.readAllBytes(result.files().get(1).file())).isEqualTo(APPLICATION);
        assertThat(result.problems()).isEmpty();
        assertThat(filesIn(out)).isEqualTo(written(result));
        assertThat(result.files()).allSatisfy(file -> {
            assertThat(file.file().getParent()).isEqualTo(out);
            assertThat(file.file().getFileName().toString()).matches("entry-\\d{6}\\.bin");
        });
    }

    @Test
    void utf8BytesWithoutTheFlagAreReadAsUtf8() throws Exception {
        ExpansionResult result = expander.expand(fixture("utf8-names-no-utf8-flag.zip"), "mac.zip", out);

        assertThat(paths(result)).containsExactly("mac.zip/附件/数据清单.csv");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aMacZipWhoseUtf8NamesAreNotValidGbkIsReadWhole() throws Exception {
        ExpansionResult result = expander.expand(fixture("macos-utf8-names-invalid-as-gbk.zip"), "材料.zip", out);

        assertThat(paths(result)).containsExactly("材料.zip/申报材料/申报书.txt", "材料.zip/申报材料/营业执照副本.pdf");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void nestedZipContinuesThePathAndIsReplacedByItsEntries() throws Exception {
        ExpansionResult result = expander.expand(fixture("nested-zip-in-zip.zip"), "材料.zip", out);

        assertThat(paths(result))
                .containsExactly("材料.zip/封面.txt", "材料.zip/团队材料/内层.zip/说明.txt", "材料.zip/团队材料/内层.zip/数据/样例.csv");
        assertThat(result.problems()).isEmpty();
        assertThat(filesIn(out)).isEqualTo(written(result));
    }

    @Test
    void sevenZWithChineseNames() throws Exception {
        ExpansionResult result = expander.expand(fixture("seven-z-chinese-names.7z"), "申报.7z", out);

        assertThat(paths(result)).containsExactly("申报.7z/申报书.txt", "申报.7z/附件/数据.csv", "申报.7z/附件/营业执照.pdf");
        assertThat(result.files().get(2).size()).isEqualTo(LICENCE.length);
        assertThat(result.files().get(2).sha256()).isEqualTo(sha256(LICENCE));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void tarGzWithUtf8NamesSkipsTheSymlinkAsAProblem() throws Exception {
        ExpansionResult result = expander.expand(fixture("tar-gz-utf8-names.tar.gz"), "申报.tgz", out);

        assertThat(paths(result)).containsExactly("申报.tgz/申报材料/申报书.txt", "申报.tgz/申报材料/附件/数据说明.md");
        assertThat(result.files().get(0).size()).isEqualTo(APPLICATION.length);
        assertThat(codes(result)).containsExactly("ARCHIVE_LINK_SKIPPED");
        assertThat(locations(result)).containsExactly("申报.tgz/申报材料/链接");
    }

    @Test
    void encrypted7zIsAProblemNotAnException() throws Exception {
        ExpansionResult result = expander.expand(fixture("encrypted.7z"), "加密.7z", out);

        assertThat(result.files()).isEmpty();
        assertThat(codes(result)).containsExactly("ARCHIVE_ENCRYPTED");
        assertThat(result.problems().get(0).messageZh()).startsWith("压缩包已加密，无法解压");
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void encryptedZipEntryIsReportedAndThePlainOneKept() throws Exception {
        ExpansionResult result = expander.expand(fixture("encrypted-entry-in-zip.zip"), "材料.zip", out);

        assertThat(paths(result)).containsExactly("材料.zip/公开.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_ENCRYPTED");
        assertThat(result.problems().get(0).messageZh()).contains("1 个文件未读取");
        assertThat(locations(result)).containsExactly("材料.zip");
    }

    @Test
    void truncatedZipIsCorrupt() throws Exception {
        ExpansionResult result = expander.expand(fixture("corrupt-truncated.zip"), "坏.zip", out);

        assertThat(result.files()).isEmpty();
        assertThat(codes(result)).containsExactly("ARCHIVE_CORRUPT");
        assertThat(locations(result)).containsExactly("坏.zip");
    }

    @Test
    void damagedEntryIsCorruptAndTheOthersAreKept() throws Exception {
        ExpansionResult result = expander.expand(fixture("corrupt-crc.zip"), "crc.zip", out);

        assertThat(paths(result)).containsExactly("crc.zip/好.txt");
        assertThat(codes(result)).containsExactly("ARCHIVE_CORRUPT");
        assertThat(locations(result)).containsExactly("crc.zip/坏.txt");
        assertThat(filesIn(out)).isEqualTo(written(result));
    }

    @Test
    void somethingElseIsAnUnknownFormat() throws Exception {
        Path text = Files.writeString(out.resolve("x.zip"), "不是压缩包");

        ExpansionResult result = expander.expand(text, "x.zip", out.resolve("x"));

        assertThat(codes(result)).containsExactly("ARCHIVE_UNKNOWN_FORMAT");
    }

    @Test
    void isArchiveGoesByContentAndLeavesOfficeDocumentsAlone() throws Exception {
        Map<String, byte[]> docx = new LinkedHashMap<>();
        docx.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        docx.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        Path docxAsZip = Files.write(out.resolve("a"), zipOf(docx));
        Path text = Files.writeString(out.resolve("b"), "纯文本");

        assertThat(expander.isArchive(fixture("gbk-names-no-utf8-flag.zip"), "材料.dat"))
                .isTrue();
        assertThat(expander.isArchive(fixture("seven-z-chinese-names.7z"), "无扩展名"))
                .isTrue();
        assertThat(expander.isArchive(fixture("tar-gz-utf8-names.tar.gz"), "a.tgz"))
                .isTrue();
        assertThat(expander.isArchive(fixture("rar5-stored-chinese-names.rar"), "a.rar"))
                .isTrue();
        assertThat(expander.isArchive(docxAsZip, "申报书.zip")).isFalse();
        assertThat(expander.isArchive(fixture("gbk-names-no-utf8-flag.zip"), "申报书.DOCX"))
                .isFalse();
        assertThat(expander.isArchive(text, "假的.zip")).isFalse();
    }

    static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        return cn.dataelements.contest.extraction.fixtures.TestZips.zip(entries);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
