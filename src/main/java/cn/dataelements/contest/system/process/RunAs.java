package cn.dataelements.contest.system.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a local server the app starts (the Elasticsearch node, PostgreSQL) runs as. Both refuse to run as root, and CI
 * runs as root: then the server runs as an unprivileged system account of its own, created if missing, that owns the
 * server's folders.
 */
public final class RunAs {

    private static final Logger log = LoggerFactory.getLogger(RunAs.class);

    private final String user;

    private RunAs(String user) {
        this.user = user;
    }

    /** As this JVM when it is not root; else as the unprivileged account, created if missing. */
    public static RunAs forCurrentProcess(String unprivilegedUser, String server) throws IOException {
        if (!"0".equals(run(List.of("id", "-u")).trim())) {
            return new RunAs(null);
        }
        if (!succeeds(List.of("id", "-u", unprivilegedUser))) {
            log.info("Running as root: creating system user {} for the local {}", unprivilegedUser, server);
            run(List.of(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    unprivilegedUser));
        }
        return new RunAs(unprivilegedUser);
    }

    /** True when the server runs as an account of its own, not as this JVM's user. */
    public boolean switchesUser() {
        return user != null;
    }

    /** Gives the folder, and everything in it, to the account the server runs as. */
    public void takeOwnership(Path folder) throws IOException {
        if (user != null) {
            run(List.of("chown", "-R", user + ":" + user, folder.toString()));
        }
    }

    /** A process builder for the command, run as the server's account. */
    public ProcessBuilder processBuilder(List<String> command) {
        if (user == null) {
            return new ProcessBuilder(command);
        }
        List<String> wrapped = new ArrayList<>(
                List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--inh-caps=-all", "--"));
        wrapped.addAll(command);
        return new ProcessBuilder(wrapped);
    }

    private static boolean succeeds(List<String> command) throws IOException {
        try {
            run(command);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String run(List<String> command) throws IOException {
        Process process = ChildEnvironment.clean(new ProcessBuilder(command))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Command " + command + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command, e);
        }
    }
}
