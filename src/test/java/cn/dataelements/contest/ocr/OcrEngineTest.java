package cn.dataelements.contest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.support.ScanImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tesseract (Debian's, with chi_sim) reads Chinese drawn by the test: a PNG, a sideways phone photo, a scanned PDF. */
class OcrEngineTest {

    private static final List<String> LICENCE = List.of("营业执照", "名称：威海海悦橡胶科技有限公司", "统一社会信用代码：913710033340182272");

    private final OcrEngine engine = new OcrEngine(
            new OcrProperties(true, "chi_sim+eng", 300, Duration.ofMinutes(2), 50, Duration.ofSeconds(2)));

    @TempDir
    Path dir;

    @Test
    void tesseractIsInstalled() {
        assertThat(engine.available())
                .as("bin/setup installs tesseract-ocr and tesseract-ocr-chi-sim")
                .isTrue();
    }

    @Test
    void aPngIsRead() throws Exception {
        Path png = Files.write(dir.resolve("licence.png"), ScanImages.png(LICENCE));

        OcrEngine.Result result = engine.read(png, "image/png");

        assertThat(result.text()).contains("威海海悦橡胶科技有限公司").contains("913710033340182272");
        assertThat(result.pages()).isEqualTo(1);
    }

    @Test
    void aSidewaysPhotoIsTurnedByItsExifOrientationFirst() throws Exception {
        Path jpeg = Files.write(dir.resolve("photo.jpg"), ScanImages.turnedJpeg(LICENCE));
        assertThat(OcrEngine.orientation(jpeg)).isEqualTo(6);

        OcrEngine.Result result = engine.read(jpeg, "image/jpeg");

        assertThat(result.text()).contains("威海海悦橡胶科技有限公司");
    }

    @Test
    void anOfdThatIsAScanIsReadFromItsPicture() throws Exception {
        byte[] ofd = cn.dataelements.contest.support.OfdFiles.write(List.of(), ScanImages.png(LICENCE));
        Path file = Files.write(dir.resolve("licence.ofd"), ofd);

        OcrEngine.Result result = engine.read(file, "application/ofd");

        assertThat(result.text()).contains("威海海悦橡胶科技有限公司");
    }

    @Test
    void anImageOnlyPdfIsReadPageByPage() throws Exception {
        Path pdf = Files.write(dir.resolve("scan.pdf"), ScanImages.scannedPdf(LICENCE));

        OcrEngine.Result result = engine.read(pdf, "application/pdf");

        assertThat(result.text()).contains("威海海悦橡胶科技有限公司");
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.note()).isEmpty();
    }
}
