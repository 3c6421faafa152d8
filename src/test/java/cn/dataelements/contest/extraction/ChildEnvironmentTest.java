package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build sets a canary variable on the test JVM, standing in for the app's secrets; the bsdtar the app starts must
 * not see it, and must see {@code LC_ALL=C.UTF-8}. The bsdtar here is a script that writes down its environment.
 */
class ChildEnvironmentTest {

    static final String CANARY = "INTAKE_TEST_CANARY";

    @TempDir
    Path dir;

    @Test
    void bsdtarGetsACleanEnvironmentWithTheUtf8Locale() throws Exception {
        assertThat(System.getenv(CANARY))
                .as("the build sets the canary on this JVM")
                .isNotBlank();
        Path seen = dir.resolve("environ");
        Path bsdtar = Files.writeString(
                dir.resolve("bsdtar"), "#!/bin/sh\ncat /proc/self/environ > '" + seen + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bsdtar, PosixFilePermissions.fromString("rwx------"));
        ArchiveExpander expander = new ArchiveExpander(ArchiveLimits.defaults(), Optional.of(bsdtar));

        expander.expand(
                Path.of("src/test/resources/archive/rar5-stored-chinese-names.rar"), "a.rar", dir.resolve("out"));

        List<String> environment =
                Arrays.asList(Files.readString(seen, StandardCharsets.UTF_8).split("\0"));
        assertThat(environment).contains("LC_ALL=C.UTF-8").noneMatch(v -> v.startsWith(CANARY + "="));
        assertThat(environment).noneMatch(v -> v.contains(System.getenv(CANARY)));
    }
}
