package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Builds the command line of a child JVM: the running {@code java} binary, the settings' heap and temp folder, and the
 * application's own classpath. From Maven (Surefire, {@code spring-boot:run}) or a plain {@code -cp} launch,
 * {@code java.class.path} lists every jar and is reused as is. Run as a Spring Boot jar ({@code java -jar app.jar}, or
 * an unpacked one), the classpath is that one archive, whose classes and nested jars only Boot's loader can read, so
 * the child is started through Boot's {@code PropertiesLauncher} with {@code loader.main} naming our child main. The
 * options go into an argument file because a long Maven classpath can pass the kernel's limit for one argument.
 */
final class ChildLauncher {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final String CHILD_LOGBACK = "cn/dataelements/contest/extraction/extraction-child-logback.xml";

    private final List<String> command;

    ChildLauncher(ExtractionSettings settings) {
        this(settings, System.getProperty("java.class.path"));
    }

    ChildLauncher(ExtractionSettings settings, String classPath) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Files.createDirectories(settings.tempDir());
            Path argFile = Files.createTempFile(settings.tempDir(), "extraction-child", ".args");
            argFile.toFile().deleteOnExit();
            Files.writeString(argFile, quoted(options(settings, classPath)), StandardCharsets.UTF_8);
            command = List.of(java.toString(), "@" + argFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the extraction child in " + settings.tempDir(), e);
        }
    }

    List<String> command() {
        return command;
    }

    static List<String> options(ExtractionSettings settings, String classPath) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + settings.childMaxHeap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + settings.tempDir().toAbsolutePath(),
                "-Dlogback.configurationFile=" + CHILD_LOGBACK,
                "-cp",
                classPath));
        if (isBootArchive(classPath)) {
            options.add("-Dloader.main=" + ExtractionChildMain.class.getName());
            options.add(BOOT_LAUNCHER);
        } else {
            options.add(ExtractionChildMain.class.getName());
        }
        return options;
    }

    /** A single classpath entry whose manifest names Boot's classes folder is an executable Boot jar or folder. */
    static boolean isBootArchive(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator)) {
            return false;
        }
        Path entry = Path.of(classPath);
        try {
            Manifest manifest = readManifest(entry);
            return manifest != null && manifest.getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Manifest readManifest(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path file = entry.resolve(JarFile.MANIFEST_NAME);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (var in = Files.newInputStream(file)) {
                return new Manifest(in);
            }
        }
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.getManifest();
        }
    }

    /** Java's argument-file syntax: each option in double quotes, with backslashes and quotes escaped. */
    private static String quoted(List<String> options) {
        return options.stream()
                .map(o -> '"' + o.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
