package cn.dataelements.contest.extraction;

import cn.dataelements.contest.system.process.ChildEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads archives Java cannot (RAR4, RAR5) with libarchive's {@code bsdtar} in a separate process.
 *
 * <p>bsdtar does not extract to disk here: {@code bsdtar -cf - --format pax @archive} re-writes the entries as a tar
 * stream on its stdout, which {@link TarReader} reads under the same streaming limits as any other archive. So
 * nothing bsdtar does can fill the disk, follow a symlink or place a file outside the output directory; a limit
 * simply stops the reading and the process is killed. A watchdog kills it after the timeout.
 */
final class BsdtarReader {

    private final Path bsdtar;
    private final Duration timeout;

    BsdtarReader(Path bsdtar, Duration timeout) {
        this.bsdtar = bsdtar;
        this.timeout = timeout;
    }

    static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "bsdtar");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    void read(Path archive, ArchiveLevel level) throws IOException {
        Path stderr = Files.createTempFile("bsdtar-", ".err");
        try {
            run(archive, level, stderr);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private void run(Path archive, ArchiveLevel level, Path stderr) throws IOException {
        // a clean environment, with LC_ALL=C.UTF-8: entry names reach the pax headers as UTF-8
        ProcessBuilder builder = ChildEnvironment.clean(new ProcessBuilder(
                        bsdtar.toString(), "-c", "-f", "-", "--format", "pax", "@" + archive.toAbsolutePath()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(stderr.toFile());
        Process process = builder.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (process.isAlive()) {
                        timedOut.set(true);
                        process.destroyForcibly();
                    }
                });
        boolean complete;
        IOException failure = null;
        try (InputStream out = process.getInputStream()) {
            complete = TarReader.readEntries(out, level);
        } catch (IOException e) {
            complete = true; // judged below by bsdtar's exit status and message
            failure = e;
        }
        int exit = finish(process, complete);
        if (timedOut.get()) {
            level.problem(ArchiveProblems.timeout(level.display(), timeout.toSeconds()));
        } else if (complete && exit != 0) {
            reportFailure(
                    level, Files.readString(stderr, StandardCharsets.UTF_8).strip(), exit);
        } else if (failure != null) {
            throw failure;
        }
    }

    /** Waits for bsdtar to exit, or kills it at once if we stopped reading early. */
    private int finish(Process process, boolean complete) throws IOException {
        try {
            if (!complete || !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for bsdtar", e);
        }
    }

    private static void reportFailure(ArchiveLevel level, String message, int exit) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("encrypt") || lower.contains("password") || lower.contains("passphrase")) {
            level.problem(ArchiveProblems.encrypted(level.display(), 0));
        } else {
            level.problem(ArchiveProblems.corrupt(level.display(), "bsdtar exit " + exit + ": " + message));
        }
    }
}
