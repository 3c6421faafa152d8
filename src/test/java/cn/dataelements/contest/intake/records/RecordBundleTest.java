package cn.dataelements.contest.intake.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.Entry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registration's identity is its fields and its files' hashes: not its raw JSON, its links or its times. */
class RecordBundleTest {

    @TempDir
    Path dir;

    private static Registration registration(String title, Instant updated) {
        return new Registration(
                "R-1",
                title,
                "工业制造",
                "",
                List.of(new Entry.Unit("威海某公司", "91371002MA3C123456", true)),
                List.of(new Entry.Representative("张三", "负责人", "13900000000", "")),
                new Entry.Contact("张三", "13900000000", "z@example.cn"),
                "",
                Instant.parse("2024-08-20T01:00:00Z"),
                updated);
    }

    private RecordBundle bundle(String raw, Registration registration, String fileText) throws Exception {
        Path file = Files.writeString(dir.resolve("f-" + fileText.hashCode()), fileText);
        java.security.MessageDigest digest = cn.dataelements.contest.system.storage.Sha256.digest();
        digest.update(Files.readAllBytes(file));
        String sha = cn.dataelements.contest.system.storage.Sha256.hex(digest);
        return new RecordBundle(
                raw.getBytes(StandardCharsets.UTF_8),
                registration,
                List.of(new RecordBundle.BundleFile("申报书.docx", "http://p/files/a.docx", file, sha, Files.size(file))),
                List.of());
    }

    @Test
    void theSameRegistrationWithOtherLinksCountersAndTimesIsTheSame() throws Exception {
        RecordBundle first = bundle("{\"sig\":\"L1\",\"views\":3}", registration("平台", null), "正文");
        RecordBundle again = bundle(
                "{\"sig\":\"L9\",\"views\":40}", registration("平台", Instant.parse("2024-08-21T00:00:00Z")), "正文");

        assertThat(again.identity()).isEqualTo(first.identity());
    }

    @Test
    void aChangedFieldOrFileIsAnotherVersion() throws Exception {
        RecordBundle first = bundle("{}", registration("平台", null), "正文");

        assertThat(bundle("{}", registration("平台二", null), "正文").identity()).isNotEqualTo(first.identity());
        assertThat(bundle("{}", registration("平台", null), "改过的正文").identity()).isNotEqualTo(first.identity());
    }

    @Test
    void itIsReadBackAsItWasWritten() throws Exception {
        RecordBundle bundle = bundle("{\"regId\":\"R-1\"}", registration("平台", null), "正文内容");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bundle.writeTo(out);
        Path archived = Files.write(dir.resolve("archived.zip"), out.toByteArray());

        RecordBundle read = RecordBundle.read(archived, dir.resolve("work"));

        assertThat(read.registration()).isEqualTo(bundle.registration());
        assertThat(new String(read.source(), StandardCharsets.UTF_8)).isEqualTo("{\"regId\":\"R-1\"}");
        assertThat(Files.readString(read.files().get(0).file())).isEqualTo("正文内容");
        assertThat(read.identity()).isEqualTo(bundle.identity());
    }
}
