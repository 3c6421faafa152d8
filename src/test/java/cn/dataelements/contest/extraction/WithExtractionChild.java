package cn.dataelements.contest.extraction;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that drive a real extraction child: one small pool per test class, started before and closed after. */
abstract class WithExtractionChild {

    @TempDir
    static Path temp;

    static ForkedTikaExtractor extractor;

    @BeforeAll
    static void startExtractor() {
        extractor = new ForkedTikaExtractor(
                new ExtractionSettings(Duration.ofSeconds(30), "256m", 100_000, temp.resolve("children"), 1));
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }
}
