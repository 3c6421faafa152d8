package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.extraction.DocumentExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The build sets a canary variable on the test JVM, standing in for the app's secrets: no process this JVM started (the
 * local Elasticsearch node, the app's extraction children) has it in its environment.
 */
@IntakeIT
class ChildEnvironmentIT {

    private static final String CANARY = "INTAKE_TEST_CANARY";

    @Autowired
    DocumentExtractor extractor;

    @Test
    void noChildProcessSeesTheAppsEnvironment() throws Exception {
        String canary = System.getenv(CANARY);
        assertThat(canary).as("the build sets the canary on this JVM").isNotBlank();
        assertThat(extractor
                        .extract(Path.of("src/test/resources/extraction/form-headings-and-table.docx"), "申报书.docx")
                        .ok())
                .isTrue();

        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        assertThat(children)
                .as("an extraction child and the Elasticsearch node are among "
                        + children.stream().map(ChildEnvironmentIT::command).toList())
                .anyMatch(p -> command(p).contains("extraction-child"))
                .anyMatch(p -> command(p).contains("org.elasticsearch.bootstrap.Elasticsearch"));
        for (ProcessHandle child : children) {
            String environment = environment(child);
            assertThat(environment).as(command(child)).doesNotContain(canary).doesNotContain(CANARY + "=");
        }
    }

    private static String command(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    private static String environment(ProcessHandle process) {
        try {
            return Files.readString(
                    Path.of("/proc", String.valueOf(process.pid()), "environ"), StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
            return ""; // ended meanwhile
        }
    }
}
