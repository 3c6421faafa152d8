package cn.dataelements.contest.intake.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.intake.export.PackageReadiness.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package still being copied is not read early. */
class PackageReadinessTest {

    @TempDir
    Path drop;

    private Instant now = Instant.parse("2024-06-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final PackageReadiness readiness = new PackageReadiness(".done", Duration.ofSeconds(30), clock);

    @Test
    void aFolderIsReadOnlyOnceItsMarkerIsThere() throws Exception {
        Path folder = Files.createDirectories(drop.resolve("2024-06-01-数字机关"));
        Files.writeString(folder.resolve("登记表.xlsx"), "x");

        assertThat(readiness.of(folder)).isEqualTo(State.WAITING);
        Files.writeString(folder.resolve(".done"), "");
        assertThat(readiness.of(folder)).isEqualTo(State.READY);
    }

    @Test
    void aZipIsReadOnceItHasNotChangedForTheConfiguredTimeOrItsMarkerIsThere() throws Exception {
        Path zip = Files.write(drop.resolve("导出.zip"), new byte[] {'P', 'K', 3, 4});

        assertThat(readiness.of(zip)).isEqualTo(State.WAITING);
        now = now.plusSeconds(20);
        Files.write(zip, new byte[] {5, 6}, StandardOpenOption.APPEND);
        assertThat(readiness.of(zip)).as("it grew: the wait starts again").isEqualTo(State.WAITING);
        now = now.plusSeconds(29);
        assertThat(readiness.of(zip)).isEqualTo(State.WAITING);
        now = now.plusSeconds(1);
        assertThat(readiness.of(zip)).isEqualTo(State.READY);

        Path marked = Files.write(drop.resolve("另一个.zip"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(drop.resolve("另一个.zip.done"), "");
        assertThat(readiness.of(marked)).isEqualTo(State.READY);
    }

    @Test
    void otherFilesAreNoPackages() throws Exception {
        assertThat(readiness.of(Files.writeString(drop.resolve("说明.txt"), "x"))).isEqualTo(State.NOT_A_PACKAGE);
        assertThat(readiness.of(Files.writeString(drop.resolve("导出.zip.done"), "")))
                .isEqualTo(State.NOT_A_PACKAGE);
    }
}
