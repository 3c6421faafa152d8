package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLauncherTest {

    @TempDir
    Path temp;

    @Test
    void plainClasspathStartsTheChildMainDirectly() {
        List<String> options = ChildLauncher.options(settings(), "a.jar" + java.io.File.pathSeparator + "b.jar");

        assertThat(options).contains("-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + temp);
        assertThat(options).last().isEqualTo(ExtractionChildMain.class.getName());
    }

    @Test
    void springBootJarStartsTheChildThroughBootsLauncher() throws Exception {
        Path jar = temp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all the launcher looks at
        }

        List<String> options = ChildLauncher.options(settings(), jar.toString());

        assertThat(options).contains("-Dloader.main=" + ExtractionChildMain.class.getName());
        assertThat(options).last().isEqualTo(ChildLauncher.BOOT_LAUNCHER);
    }

    private ExtractionSettings settings() {
        return new ExtractionSettings(Duration.ofSeconds(5), "96m", 1000, temp, 1);
    }
}
