package cn.dataelements.contest.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IntakeTestEnvironment;
import cn.dataelements.contest.support.TestMailServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The data folder an earlier version (files, before PostgreSQL) wrote, kept as a fixture
 * ({@code src/test/resources/upgrade/data-before-postgres}, see its README), is given to this version: on its first
 * start every store is imported once and the archive re-run into the database before intake starts. That running app
 * is then backed up with {@code bin/backup}, restored with {@code bin/restore} into a fresh folder, and a second app
 * started on it must hold the same entries, findings, scores, ranking and audit log, and fill its indices anew.
 */
@IntakeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemOfRecordIT {

    static final Path FIXTURE = Path.of("src/test/resources/upgrade/data-before-postgres");
    private static final String ROUND = "browser-check";

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    private final Path upgraded = IntakeTestEnvironment.dataDir().resolve("upgraded");
    private final Path restored = IntakeTestEnvironment.dataDir().resolve("restored");
    private final Path backup = IntakeTestEnvironment.dataDir().resolve("backup");
    private AppProcess app;
    private AppProcess second;

    @BeforeAll
    void startOnTheEarlierVersionsFolder() throws IOException {
        FileSystemUtils.copyRecursively(FIXTURE, upgraded);
        Files.deleteIfExists(upgraded.resolve("README.md"));
        app = new AppProcess("upgraded", properties(upgraded, "upgraded", "upgraded@contest.local")).start();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theFirstStartImportsEveryStoreOnceAndReRunsTheArchiveBeforeIntake() throws Exception {
        awaitJob(app, "archive");
        await("intake starts once the archive is re-run")
                .atMost(Duration.ofMinutes(1))
                .until(() -> app.healthDetails().contains("\"role\":\"leader\""));
        JdbcClient db = AppProcess.localDatabase(upgraded);

        assertThat(strings(db, "select username || ' ' || display_name || ' ' || enabled from accounts order by 1"))
                .containsExactly("former 停用者 false", "organizer 组织者 true", "reviewer 李评审（改） true");
        assertThat(strings(db, "select username || ' ' || (locked_until is not null) from lockouts order by 1"))
                .contains("former true", "organizer false");
        assertThat(count(db, "audit_log")).isEqualTo(lines("audit", "audit-"));
        ProcessBuilder verify = new ProcessBuilder("bin/audit-verify").redirectErrorStream(true);
        verify.environment().put("INTAKE_DATA_DIR", upgraded.toString());
        Process verifying = verify.start();
        String verified = new String(verifying.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifying.waitFor()).as(verified).isZero();
        assertThat(verified)
                .as("the imported audit lines are chained")
                .contains("intact, " + count(db, "audit_log") + " rows");
        assertThat(count(db, "ledger")).isEqualTo(lines("ledger", "ledger-"));
        assertThat(count(db, "receipts")).isEqualTo(receiptFiles());
        assertThat(strings(db, "select status from review_rounds")).containsExactly("CLOSED");
        assertThat(strings(db, "select comment from review_scores order by comment"))
                .containsExactly("", "更正");
        assertThat(strings(db, "select verdict from review_objection_decisions"))
                .containsExactly("UPHELD");
        assertThat(count(db, "review_notices")).isEqualTo(1);
        assertThat(strings(db, "select advanced || ' ' || withdrawn from review_advancements order by 1"))
                .as("the upheld objection withdrew one award")
                .containsExactly("false true", "true false");
        assertThat(strings(db, "select name from watch_list_imports order by id"))
                .containsExactly("失信名单-第一批.csv", "失信名单-第二批.csv");
        assertThat(count(db, "exam_imports where length(sheet) > 0")).isEqualTo(1);
        assertThat(count(db, "portal_seen")).isEqualTo(2);
        assertThat(count(db, "portal_cursors")).isEqualTo(1);
        assertThat(count(db, "intake_attempts")).isEqualTo(1);
        assertThat(count(db, "intake_skipped")).isEqualTo(1);

        assertThat(count(db, "submissions")).isEqualTo(3);
        assertThat(count(db, "entries where document is not null")).isEqualTo(2);
        assertThat(strings(db, "select entry_id || ' ' || number from entry_versions order by 1"))
                .as("the version numbers receipts named are kept")
                .containsExactlyElementsOf(versionLines());
        assertThat(count(db, "findings where document::text like '%OVERRULED%'"))
                .as("the committee's decisions are beside the re-run findings")
                .isEqualTo(2);

        assertThat(upgraded.resolve("accounts/accounts.jsonl")).doesNotExist();
        assertThat(upgraded.resolve("accounts/accounts.jsonl.imported")).exists();
        assertThat(upgraded.resolve("receipts.imported")).isDirectory();
        assertThat(upgraded.resolve("review/evidence")).isDirectory();
        assertThat(count(db, "upgrade_imports")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aBackupOfTheRunningAppRestoredOnAFreshFolderHoldsTheSameState() throws Exception {
        JdbcClient source = AppProcess.localDatabase(upgraded);
        Map<String, List<String>> before = state(source);
        String ranking =
                app.getAsAdmin("/api/review/rounds/" + ROUND + "/ranking").body();
        assertThat(ranking).contains("rows");

        assertThat(run("bin/backup", backup.toString(), upgraded)).isZero();
        assertThat(backup.resolve("MANIFEST.sha256")).exists();
        assertThat(run("bin/restore", backup.toString(), restored)).isZero();
        assertThat(run("bin/restore", backup.toString(), restored))
                .as("a folder that is not empty is never restored into")
                .isNotZero();

        second = new AppProcess("restored", properties(restored, "restored", "restored@contest.local")).start();
        awaitJob(second, "database");
        JdbcClient copy = AppProcess.localDatabase(restored);
        assertThat(state(copy)).isEqualTo(before);
        assertThat(second.getAsAdmin("/api/review/rounds/" + ROUND + "/ranking").body())
                .isEqualTo(ranking);
        await("the restored entries searchable in the new indices")
                .atMost(Duration.ofMinutes(1))
                .until(() -> second.getAsAdmin("/api/search?q=").body().contains("\"total\":2"));
    }

    private Map<String, Object> properties(Path data, String prefix, String mailbox) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.elasticsearch.uris", elasticsearch);
        properties.put("intake.data-dir", data);
        properties.put("intake.index.prefix", prefix);
        properties.put("intake.mail.port", TestMailServer.imapPort());
        properties.put("intake.mail.username", TestMailServer.account(mailbox));
        properties.put("intake.mail.password", TestMailServer.password());
        properties.put("intake.receipts.port", TestMailServer.smtpPort());
        properties.put("intake.review.plan", "src/test/resources/review/review-it.yaml");
        return properties;
    }

    /** What people and the pipeline decided, table by table, as comparable text. */
    private static Map<String, List<String>> state(JdbcClient db) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        state.put("entries", strings(db, "select id || ' ' || document::text from entries order by id"));
        state.put(
                "findings",
                strings(db, "select entry_id || ' ' || (document - 'checkedAt')::text from findings order by 1"));
        state.put(
                "scores",
                strings(
                        db,
                        "select round || entry_id || reviewer || criteria::text || comment from review_scores order by 1"));
        state.put(
                "advancements",
                strings(db, "select round || entry_id || advanced || withdrawn from review_advancements order by 1"));
        state.put("objections", strings(db, "select id::text || reason from review_objections order by 1"));
        state.put(
                "audit",
                strings(db, "select id || ' ' || at || who || action || target || detail from audit_log order by id"));
        state.put("versions", strings(db, "select entry_id || submission_id || number from entry_versions order by 1"));
        state.put("receipts", strings(db, "select submission_id || state from receipts order by 1"));
        return state;
    }

    private static void awaitJob(AppProcess process, String from) {
        await("the start's job (" + from + ") done")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String job = process.getAsAdmin("/api/admin/rebuild").body();
                    if (job.contains("\"state\":\"FAILED\"")) {
                        throw new AssertionError("the job failed: " + job);
                    }
                    return job.contains("\"from\":\"" + from + "\"") && job.contains("\"state\":\"DONE\"");
                });
    }

    private static int run(String script, String dir, Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script, dir).inheritIO();
        builder.environment().put("INTAKE_DATA_DIR", data.toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as(script + " finished")
                .isTrue();
        return process.exitValue();
    }

    private static List<String> strings(JdbcClient db, String sql) {
        return db.sql(sql).query(String.class).list();
    }

    private static int count(JdbcClient db, String tableAndCondition) {
        return db.sql("select count(*) from " + tableAndCondition)
                .query(Integer.class)
                .single();
    }

    /** Lines in the fixture's files of this folder whose names start so. */
    private static int lines(String folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURE.resolve(folder))) {
            int lines = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                lines += (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .count();
            }
            return lines;
        }
    }

    private static int receiptFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE.resolve("receipts"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("receipt-.*\\.(eml|txt)"))
                    .count();
        }
    }

    /** The version numbers the fixture's versions file gave, as "entry number". */
    private static List<String> versionLines() throws IOException {
        return Files.readAllLines(FIXTURE.resolve("versions/versions.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.replaceAll(".*\"entryId\":\"([^\"]+)\".*\"number\":(\\d+).*", "$1 $2"))
                .sorted()
                .toList();
    }
}
