package cn.dataelements.contest.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.system.security.SecurityProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and lock-outs live in fsynced files that a restart reads back; the environment's admin stays its own. */
class AccountsTest {

    private static final ObjectMapper JSON =
            JsonMapper.builder().findAndAddModules().build();
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final SecurityProperties ADMIN = new SecurityProperties("admin", "environment-password");

    @TempDir
    Path dir;

    private AccountProperties properties() {
        return new AccountProperties(dir.resolve("accounts"), dir.resolve("audit"), 3, Duration.ofMinutes(15));
    }

    private AccountStore store() throws Exception {
        return new AccountStore(properties(), ADMIN, JSON, ENCODER);
    }

    private static AccountStore.Change change(String user, String password, Role... roles) {
        return new AccountStore.Change(
                user, "王评审", password, Set.of(roles), "威海市大数据中心", "12371000mb1234567x", "", "", true);
    }

    @Test
    void anAccountIsKeptWithABcryptHashAndReadBackAfterARestart() throws Exception {
        store().save(change("wang.reviewer", "a-password-of-16", Role.REVIEWER), "admin");

        Account read = store().find("wang.reviewer").orElseThrow();

        assertThat(read.passwordHash()).startsWith("{bcrypt}").doesNotContain("a-password-of-16");
        assertThat(ENCODER.matches("a-password-of-16", read.passwordHash())).isTrue();
        assertThat(read.roles()).containsExactly(Role.REVIEWER);
        assertThat(read.creditCode()).isEqualTo("12371000MB1234567X");
        assertThat(read.changedBy()).isEqualTo("admin");
        assertThat(Files.readString(dir.resolve("accounts/accounts.jsonl"))).doesNotContain("a-password-of-16");
    }

    @Test
    void aChangeWithoutAPasswordKeepsTheOldOneAndEveryChangeIsKept() throws Exception {
        AccountStore accounts = store();
        accounts.save(change("li", "first-password-1", Role.REVIEWER), "admin");
        accounts.save(change("li", "", Role.REVIEWER, Role.ORGANIZER), "admin");

        Account read = store().find("li").orElseThrow();
        assertThat(ENCODER.matches("first-password-1", read.passwordHash())).isTrue();
        assertThat(read.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.ORGANIZER);
        assertThat(Files.readAllLines(dir.resolve("accounts/accounts.jsonl"))).hasSize(2);
    }

    @Test
    void wrongChangesAreRefusedInChinese() throws Exception {
        AccountStore accounts = store();
        assertThatThrownBy(() -> accounts.save(change("Bad Name", "a-password-of-16", Role.REVIEWER), "admin"))
                .hasMessageContaining("用户名");
        assertThatThrownBy(() -> accounts.save(change("short", "short", Role.REVIEWER), "admin"))
                .hasMessageContaining("至少 12 个字符");
        assertThatThrownBy(() -> accounts.save(change("norole", "a-password-of-16"), "admin"))
                .hasMessageContaining("角色");
        assertThatThrownBy(() -> accounts.save(change("nopassword", "", Role.REVIEWER), "admin"))
                .hasMessageContaining("必须设置密码");
        assertThatThrownBy(() -> accounts.save(change("admin", "a-password-of-16", Role.REVIEWER), "admin"))
                .hasMessageContaining("环境变量");
        assertThat(accounts.find("admin").orElseThrow().roles())
                .containsExactlyInAnyOrderElementsOf(EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.COMMITTEE));
    }

    @Test
    void repeatedFailuresLockAnAccountForAWhileAcrossARestartAndAnAdminCanUnlockIt() throws Exception {
        AccountStore accounts = store();
        accounts.save(change("zhao", "a-password-of-16", Role.ORGANIZER), "admin");
        AuditLog audit = new AuditLog(properties(), JSON);
        Instant now = Instant.parse("2024-08-20T01:00:00Z");
        LoginAttempts attempts =
                new LoginAttempts(properties(), JSON, audit, accounts, Clock.fixed(now, ZoneOffset.UTC));

        attempts.failed("zhao");
        attempts.failed("zhao");
        assertThat(attempts.lockedUntil("zhao")).isEmpty();
        attempts.failed("zhao");
        assertThat(attempts.lockedUntil("zhao")).contains(now.plus(Duration.ofMinutes(15)));

        LoginAttempts restarted =
                new LoginAttempts(properties(), JSON, audit, accounts, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(restarted.lockedUntil("zhao"))
                .as("still locked after a restart")
                .isPresent();
        LoginAttempts later = new LoginAttempts(
                properties(), JSON, audit, accounts, Clock.fixed(now.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
        assertThat(later.lockedUntil("zhao")).as("a lock-out ends by itself").isEmpty();

        restarted.unlock("zhao", "admin");
        assertThat(restarted.lockedUntil("zhao")).isEmpty();
        assertThat(audit.latest(10))
                .extracting(AuditEvent::action)
                .containsExactly("account.locked", "signin.failed", "signin.failed", "signin.failed");
    }
}
