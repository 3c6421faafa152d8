package cn.dataelements.contest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.IntakeTestEnvironment;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The app is stopped and each file it appends to (the ledger, the committee's decisions, the version numbers, the
 * failed attempts) is cut off in the middle of its last line, as a crash during a write leaves it. It starts again,
 * sets each torn line aside in a .torn file, and goes on: new mail is taken in, its ledger line reaches the ledger
 * index, and every line it appends stands on its own.
 */
@IntakeIT
class TornFilesIT {

    private static final String ACCOUNT = "torn@contest.local";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ObjectMapper json;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void everyFileCutInTheMiddleOfALineIsRepairedAtStartAndTheAppGoesOn() throws Exception {
        TestMailServer.account(ACCOUNT);
        Path data = IntakeTestEnvironment.dataDir().resolve("torn-app");
        IndexedSubmissions index = new IndexedSubmissions(client);
        RawMail first = new RawMail("绿色低碳-断电测试-作品一");
        TestMailServer.deliver(ACCOUNT, first.bytes());
        try (AppProcess app =
                AppProcess.polling("torn-app", ACCOUNT, elasticsearch, Map.of()).start()) {
            String id = index.awaitSubmission(first.messageId()).get("id").toString();
            Entry entry = index.awaitEntryOf(id);
            decideOn(app, entry.id());
            Files.createDirectories(data.resolve("attempts"));
            Files.writeString(
                    data.resolve("attempts/attempts.jsonl"),
                    "{\"item\":\"r|INBOX|1|1\",\"at\":\"2025-06-10T01:00:00Z\",\"error\":\"x\"}\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            index.awaitLedger(first.messageId(), "INDEXED");
        }
        List<Path> appended = List.of(
                onlyFile(data.resolve("ledger"), ".jsonl"),
                data.resolve("decisions/decisions.jsonl"),
                data.resolve("versions/versions.jsonl"),
                data.resolve("attempts/attempts.jsonl"));
        for (Path file : appended) {
            cutInTheMiddleOfTheLastLine(file);
        }

        RawMail second = new RawMail("绿色低碳-断电测试-作品二");
        TestMailServer.deliver(ACCOUNT, second.bytes());
        try (AppProcess app =
                AppProcess.polling("torn-app", ACCOUNT, elasticsearch, Map.of()).start()) {
            index.awaitLedger(second.messageId(), "INDEXED");
            await("health UP")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> app.health().startsWith("{\"status\":\"UP\""));
        }
        for (Path file : appended) {
            assertThat(file.resolveSibling(file.getFileName() + ".torn"))
                    .as(file + " set aside")
                    .exists();
            for (String line : Files.readAllLines(file)) {
                assertThat(json.readTree(line).isObject())
                        .as(file + ": " + line)
                        .isTrue();
            }
        }
    }

    private void decideOn(AppProcess app, String entryId) throws Exception {
        var findings = client.get(g -> g.index("contest-findings").id(entryId), Map.class)
                .source();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) findings.get("findings")).get(0);
        @SuppressWarnings("unchecked")
        String code = ((Map<String, Object>) first.get("finding")).get("code").toString();
        String decision = json.writeValueAsString(Map.of(
                "code", code, "evidenceKey", first.get("evidenceKey"), "verdict", "CONFIRMED", "reason", "核实无误"));
        assertThat(app.postAsAdmin("/api/entries/" + entryId + "/decisions", decision))
                .isEqualTo(200);
    }

    /** What a crash in the middle of an append leaves: the file ends part-way through its last line. */
    private static void cutInTheMiddleOfTheLastLine(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).as(file + " has lines").isNotEmpty();
        int lastLineStart = bytes.length - 1;
        while (lastLineStart > 0 && bytes[lastLineStart - 1] != '\n') {
            lastLineStart--;
        }
        Files.write(file, java.util.Arrays.copyOf(bytes, lastLineStart + (bytes.length - lastLineStart) / 2));
    }

    private static Path onlyFile(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(
                    files.filter(f -> f.toString().endsWith(suffix)).toList());
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
