package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.intake.mail.fixtures.MailFixtureGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Outlook's winmail.dat is unpacked in a real extraction child, not in the application's heap. */
class TnefInChildTest extends WithExtractionChild {

    @Test
    void theFilesInsideComeOutWithTheirGbkNamesDecoded() throws Exception {
        Path winmail = Files.write(temp.resolve("winmail.dat"), MailFixtureGenerator.tnef());

        DocumentExtractor.Unpacked unpacked =
                extractor.unpackTnef(winmail, "winmail.dat", temp.resolve("out"), 100, 1 << 20);

        assertThat(unpacked.ok()).isTrue();
        assertThat(unpacked.detail()).isEmpty();
        assertThat(unpacked.files())
                .extracting(DocumentExtractor.UnpackedFile::name)
                .containsExactly("作品申报书.docx", "readme.txt");
        assertThat(Files.readString(unpacked.files().get(0).file(), StandardCharsets.UTF_8))
                .isEqualTo("docx inside winmail");
        assertThat(unpacked.files().get(1).size()).isEqualTo("hello from outlook".length());
    }

    @Test
    void aFileOverTheLimitIsLeftOutAndSaid() throws Exception {
        Path winmail = Files.write(temp.resolve("limited.dat"), MailFixtureGenerator.tnef());

        DocumentExtractor.Unpacked unpacked =
                extractor.unpackTnef(winmail, "winmail.dat", temp.resolve("limited"), 100, 18);

        assertThat(unpacked.ok()).isTrue();
        assertThat(unpacked.files())
                .extracting(DocumentExtractor.UnpackedFile::name)
                .containsExactly("readme.txt");
        assertThat(unpacked.detail()).contains("作品申报书.docx");
    }

    @Test
    void somethingThatIsNotTnefIsSaidSoAndTheChildLivesOn() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.dat"), "this is not TNEF at all");

        DocumentExtractor.Unpacked unpacked =
                extractor.unpackTnef(bad, "winmail.dat", temp.resolve("bad"), 100, 1 << 20);

        assertThat(unpacked.ok()).isFalse();
        assertThat(unpacked.detail()).contains("TNEF");
        assertThat(extractor.idleChildPids()).hasSize(1);
    }
}
