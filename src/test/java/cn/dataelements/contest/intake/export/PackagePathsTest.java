package cn.dataelements.contest.intake.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sheet's row reaches its files inside the package only. */
class PackagePathsTest {

    @TempDir
    Path dir;

    @Test
    void aFileOfThePackageIsFoundWhateverTheSeparator() throws Exception {
        Path root = Files.createDirectories(dir.resolve("package"));
        Path file =
                Files.writeString(Files.createDirectories(root.resolve("附件")).resolve("王丽娜.pdf"), "%PDF");

        assertThat(PackagePaths.resolve(root, "附件/王丽娜.pdf")).isEqualTo(file);
        assertThat(PackagePaths.resolve(root, " 附件\\王丽娜.pdf ")).isEqualTo(file);
        assertThat(PackagePaths.resolve(root, "附件/./王丽娜.pdf")).isEqualTo(file);
    }

    @Test
    void referencesOutOfThePackageAreRefusedAndAMissingFileIsSaid() throws Exception {
        Path root = Files.createDirectories(dir.resolve("package"));
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("link.pdf"), dir.resolve("secret.txt"));

        assertThat(reason(root, "../secret.txt")).contains("指向数据包之外");
        assertThat(reason(root, "附件/../../secret.txt")).contains("指向数据包之外");
        assertThat(reason(root, "..\\secret.txt")).contains("指向数据包之外");
        assertThat(reason(root, dir.resolve("secret.txt").toString())).contains("绝对路径");
        assertThat(reason(root, "C:\\Windows\\win.ini")).contains("绝对路径");
        assertThat(reason(root, "link.pdf")).contains("符号链接");
        assertThat(reason(root, "附件/没有的.pdf")).isEqualTo("数据包中没有附件 附件/没有的.pdf");
    }

    private static String reason(Path root, String reference) {
        return catchThrowableOfType(ExportSheetException.class, () -> PackagePaths.resolve(root, reference))
                .messageForPeople();
    }
}
