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
 * fresh for each test JVM.
 */
public final class IntakeTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path dataDir;

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("contest-intake-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "intakeTestEnvironment",
                        Map.of(
                                "intake.data-dir", dataDir().toString(),
                                "intake.mail.port", TestMailServer.imapPort(),
                                "intake.mail.password", TestMailServer.password(),
                                "intake.mail.poll-delay", 250,
                                "intake.receipts.port", TestMailServer.smtpPort())));
    }
}
