package cn.dataelements.contest.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.compliance.FindingCode;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.review.Rounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every code a page can show has its words in {@code messages_zh_CN.properties}. */
public class LabelsTest {

    private static final Labels LABELS = labels();

    /** The labels as the app reads them, for tests of other packages. */
    public static Labels labels() {
        return new Labels(new MessagesConfiguration().messageSource());
    }

    @Test
    void everyFindingSeverityOutcomeAndRoundStateHasWords() {
        List<String> codes = new ArrayList<>();
        Arrays.stream(FindingCode.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(Severity.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(Outcome.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(Rounds.Status.values()).map(Enum::name).forEach(codes::add);

        assertThat(codes.stream().filter(code -> LABELS.of(code).equals(code)))
                .as("codes without words")
                .isEmpty();
    }

    @Test
    void everyAuditActionTheAppRecordsHasWords() throws IOException {
        Pattern recorded = Pattern.compile("audit\\.record\\(\\s*[^,]+,\\s*\"([a-z.]+)\"");
        List<String> actions = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                recorded.matcher(Files.readString(source)).results().forEach(m -> actions.add(m.group(1)));
            }
        }

        assertThat(actions).as("the audit actions found in the code").hasSizeGreaterThan(20);
        assertThat(actions.stream().distinct().filter(action -> !LABELS.hasAction(action)))
                .as("audit actions without words")
                .isEmpty();
    }

    @Test
    void wordsComeFromTheMessagesAndTimesAreBeijingToTheMinute() {
        assertThat(LABELS.of("BLOCKING")).isEqualTo("阻断");
        assertThat(LABELS.facet("track")).isEqualTo("赛道");
        assertThat(LABELS.action("roadshow.move")).isEqualTo("切换路演团队");
        assertThat(LABELS.of("APPLICATION_FORM"))
                .as("a material kind by the catalog's name")
                .isEqualTo("作品申报书");
        assertThat(LABELS.time(Instant.parse("2024-08-20T16:30:59Z"))).isEqualTo("2024-08-21 00:30");
    }
}
