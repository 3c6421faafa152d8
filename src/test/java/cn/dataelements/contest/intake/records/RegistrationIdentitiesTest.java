package cn.dataelements.contest.intake.records;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.archive.ArchiveProperties;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.entry.Entry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration's identity ignores the order its source lists units and members in, and a registration archived by
 * the app before identities were sorted (src/test/resources/upgrade/archive-before-sorted-identity, written by that
 * code) is still recognized, listed in either order, as the submission it was archived as.
 */
class RegistrationIdentitiesTest {

    private static final String ARCHIVED = "5c531e8dfdca76a6a05beb13512e84f07fc7c778dae4dd310d3803aa9fa74bc2";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path dir;

    Path archiveDir;
    Path file;

    @BeforeEach
    void installTheEarlierArchive() throws Exception {
        archiveDir = dir.resolve("archive");
        Path fixture = Path.of("src/test/resources/upgrade/archive-before-sorted-identity");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = archiveDir.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        file = Files.writeString(dir.resolve("方案介绍.txt"), "作品方案介绍：智慧渔港数据平台");
    }

    @Test
    void unitsAndMembersInAnotherOrderAreTheSameRegistration() throws Exception {
        RecordBundle listed = bundle(units(), members(), "");
        RecordBundle reordered = bundle(reversed(units()), reversed(members()), "");

        assertThat(reordered.identity()).isEqualTo(listed.identity());
        assertThat(bundle(units(), members(), "13900009999").identity())
                .as("a changed field is another identity")
                .isNotEqualTo(listed.identity());
    }

    @Test
    void aRegistrationArchivedBeforeTheUpgradeIsRecognizedInEitherOrder() throws Exception {
        RegistrationIdentities identities = new RegistrationIdentities(
                new SubmissionArchive(new ArchiveProperties(archiveDir), JSON),
                new ArchiveProperties(archiveDir),
                JSON);

        assertThat(bundle(units(), members(), "").identity())
                .as("today's identity is not the one it was archived under")
                .isNotEqualTo(ARCHIVED);
        assertThat(identities.archiveId(bundle(units(), members(), ""))).isEqualTo(ARCHIVED);
        assertThat(identities.archiveId(bundle(reversed(units()), reversed(members()), "")))
                .isEqualTo(ARCHIVED);
        RecordBundle other = bundle(units(), members(), "13900009999");
        assertThat(identities.archiveId(other)).isEqualTo(other.identity());

        RegistrationIdentities afterRestart = new RegistrationIdentities(
                new SubmissionArchive(new ArchiveProperties(archiveDir), JSON),
                new ArchiveProperties(archiveDir),
                JSON);
        assertThat(afterRestart.archiveId(bundle(reversed(units()), members(), "")))
                .as("the archive is read once; what it found is kept")
                .isEqualTo(ARCHIVED);
        assertThat(archiveDir.resolve("registration-identities.jsonl")).exists();
    }

    private RecordBundle bundle(List<Entry.Unit> units, List<Entry.Representative> members, String phone)
            throws Exception {
        Registration registration = new Registration(
                "LEGACY-1",
                "智慧渔港数据平台",
                "数字机关",
                "数据赋能",
                units,
                members,
                new Entry.Contact("王海", phone.isEmpty() ? "13900001111" : phone, "wanghai@example.cn"),
                "",
                Instant.parse("2024-08-20T02:00:00Z"),
                null);
        String sha = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        return new RecordBundle(
                "{\"sheet\":\"登记表.csv\",\"row\":2}".getBytes(StandardCharsets.UTF_8),
                registration,
                List.of(new RecordBundle.BundleFile("方案介绍.txt", "附件/方案介绍.txt", file, sha, Files.size(file))),
                List.of());
    }

    private static List<Entry.Unit> units() {
        return List.of(
                new Entry.Unit("威海市海洋发展局", "11371000MB2856230X", true),
                new Entry.Unit("威海某某科技有限公司", "91371002MA3C4B6N1Q", false));
    }

    private static List<Entry.Representative> members() {
        return List.of(
                new Entry.Representative("王海", "负责人", "13900001111", ""),
                new Entry.Representative("李洋", "成员", "13900002222", ""));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
