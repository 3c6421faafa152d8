package cn.dataelements.contest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the app under test at the JVM's GreenMail server (polling fast) and at a data folder of its own, made
 * fresh for each test JVM. Each test context runs its own routes: it competes for a lock no other context names.
 */
public final class IntakeTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path dataDir;
    private static Path complianceDir;

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                // readable by all: the local servers of app processes under it run as accounts of their own when root
                dataDir = Files.createTempDirectory(
                        "contest-intake-it-",
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    /**
     * A copy of mappings/compliance.yaml and the forbidden-word list that tests may change (a re-run after a
     * word-list change) without touching the repository's files.
     */
    public static synchronized Path complianceDir() {
        if (complianceDir == null) {
            try {
                complianceDir = Files.createDirectories(dataDir().resolve("compliance-config"));
                for (String file : java.util.List.of("compliance.yaml", "forbidden-words.txt")) {
                    Files.copy(Path.of("mappings", file), complianceDir.resolve(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return complianceDir;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "intakeTestEnvironment",
                        Map.of(
                                "intake.data-dir", dataDir().toString(),
                                "intake.compliance.dir", complianceDir().toString(),
                                "intake.mail.port", TestMailServer.imapPort(),
                                "intake.mail.password", TestMailServer.password(),
                                "intake.mail.poll-delay", 250,
                                "intake.receipts.port", TestMailServer.smtpPort(),
                                // every test context is an installation of its own: it leads its own routes
                                "intake.leader.lock", "test-" + java.util.UUID.randomUUID())));
    }
}
