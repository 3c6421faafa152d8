package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.support.OfdFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OFD files, written with ofdrw's writer, read in the extraction child: text page by page, seals, scanned pages. */
class OfdTextTest {

    @TempDir
    Path dir;

    private ChildReply parse(byte[] ofd, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, ofd);
        return new ChildParser().parse(new ChildProtocol.Request(file.toString(), name, 100_000));
    }

    @Test
    void itsTextIsReadPageByPage() throws Exception {
        byte[] ofd = OfdFiles.write(List.of("威海市大数据局关于数据开放的通知", "第二页：海洋牧场数据共享目录"), false);

        ChildReply reply = parse(ofd, "通知.ofd");

        assertThat(reply.status()).as(reply.detail()).isEqualTo(ChildReply.Status.OK);
        assertThat(reply.mediaType()).isEqualTo("application/ofd");
        assertThat(reply.text().replace("\n", "")).contains("威海市大数据局关于数据开放的通知").contains("海洋牧场数据共享目录");
        assertThat(reply.text().indexOf("威海市")).isLessThan(reply.text().indexOf("第二页"));
        assertThat(reply.xhtml()).contains("<div class=\"page\">");
        assertThat(reply.metadata()).containsEntry(Extraction.PAGE_COUNT, "2").doesNotContainKey(Extraction.SIGNATURES);
    }

    @Test
    void aSealedOfdSaysSo() throws Exception {
        byte[] ofd = OfdFiles.sealed(OfdFiles.write(List.of("电子发票 金额：5200.00 元"), false));

        ChildReply reply = parse(ofd, "发票.ofd");

        assertThat(reply.status()).as(reply.detail()).isEqualTo(ChildReply.Status.OK);
        assertThat(reply.text()).contains("电子发票");
        assertThat(reply.metadata()).containsEntry(Extraction.SIGNATURES, "1");
    }

    @Test
    void aPageThatIsOnlyAnImageIsNamedForOcr() throws Exception {
        byte[] ofd = OfdFiles.write(List.of("营业执照（副本）扫描件附后"), true);

        ChildReply reply = parse(ofd, "营业执照.ofd");

        assertThat(reply.metadata()).containsEntry(Extraction.IMAGE_ONLY_PAGES, "2");
    }

    @Test
    void aZipThatIsNoOfdIsLeftToTika() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }

        assertThat(OfdText.isOfd(Files.write(dir.resolve("x.zip"), bytes.toByteArray())))
                .isFalse();
    }
}
