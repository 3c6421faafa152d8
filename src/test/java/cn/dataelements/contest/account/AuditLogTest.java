package cn.dataelements.contest.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.support.TestDatabase;
import cn.dataelements.contest.system.postgres.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit log's hash chain: each row carries the hash of the row before and its own fields; editing one row makes the
 * app's check and {@code bin/audit-verify} (the same formula in SQL, without the app) name that row, and the rows an
 * installation had before the chain are chained by the migration that brings it.
 */
class AuditLogTest {

    @Test
    void anEditedRowIsNamedByTheAppAndByTheScript() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        AuditLog audit = new AuditLog(database.jdbc(), database.transactions());
        audit.record("organizer", "review.round.open", "preliminary", "12 entries");
        audit.record("expert", "review.packet", "team-1", "初赛-A017 blind\n（换行）");
        audit.record("organizer", "review.round.close", "preliminary", "");

        AuditLog.Verification intact = audit.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.rows()).isEqualTo(3);
        Script before = verifyScript(database);
        assertThat(before.exit()).as(before.output()).isZero();
        assertThat(before.output())
                .as("the script computes the same hashes as the app")
                .contains("intact, 3 rows; last hash " + intact.head());

        long second = database.jdbc()
                .sql("select id from audit_log where action = 'review.packet'")
                .query(Long.class)
                .single();
        database.jdbc()
                .sql("update audit_log set detail = '初赛-A018 blind' where id = ?")
                .param(second)
                .update();

        AuditLog.Verification edited = audit.verify();
        assertThat(edited.intact()).isFalse();
        assertThat(edited.broken().orElseThrow().id())
                .as("the edited row, not the one after it")
                .isEqualTo(second);
        assertThat(edited.broken().orElseThrow().event().who()).isEqualTo("expert");
        Script after = verifyScript(database);
        assertThat(after.exit()).as(after.output()).isEqualTo(1);
        assertThat(after.output()).contains("BROKEN at row " + second + ":").contains("expert review.packet");
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheRowAfterIt() {
        TestDatabase database = TestDatabase.fresh();
        AuditLog audit = new AuditLog(database.jdbc(), database.transactions());
        for (String action : List.of("a", "b", "c")) {
            audit.record("organizer", action, "", "");
        }
        database.jdbc().sql("delete from audit_log where action = 'b'").update();

        assertThat(audit.verify().broken().orElseThrow().event().action()).isEqualTo("c");
    }

    @Test
    void theRowsOfAnInstallationBeforeTheChainAreChainedByTheMigration() {
        TestDatabase database = TestDatabase.upTo("2");
        for (String action : List.of("signin.failed", "account.create")) {
            database.jdbc()
                    .sql("insert into audit_log (at, who, action, target, detail) values (?, 'admin', ?, '', '')")
                    .params(Timestamp.from(Instant.parse("2026-12-01T08:00:00.123456789Z")), action)
                    .update();
        }

        database.migrate();

        AuditLog audit = new AuditLog(database.jdbc(), database.transactions());
        audit.record("admin", "account.update", "zhao", "");
        AuditLog.Verification verification = audit.verify();
        assertThat(verification.intact())
                .as("the migration's SQL and the app agree")
                .isTrue();
        assertThat(verification.rows()).isEqualTo(3);
    }

    record Script(int exit, String output) {}

    private static Script verifyScript(TestDatabase database) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bin/audit-verify").redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", database.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", LocalPostgres.user());
        builder.environment()
                .put("SPRING_DATASOURCE_PASSWORD", TestDatabase.server().password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Script(process.exitValue(), output);
    }
}
