package cn.dataelements.contest.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.support.TestDatabase;
import cn.dataelements.contest.system.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts and lock-outs live in the database, where a restart (a new store on the same database) finds them; a user
 * name is one account; the environment's admin stays its own.
 */
class AccountsTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final SecurityProperties ADMIN = new SecurityProperties("admin", "environment-password", null);

    private final TestDatabase database = TestDatabase.fresh();

    private AccountProperties properties() {
        return new AccountProperties(3, Duration.ofMinutes(15));
    }

    private AccountStore store() {
        return new AccountStore(database.jdbc(), ADMIN, ENCODER);
    }

    private LoginAttempts attempts(AccountStore accounts, AuditLog audit, Instant now) {
        return new LoginAttempts(
                database.jdbc(),
                database.transactions(),
                properties(),
                audit,
                accounts,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AccountStore.Change change(String user, String password, Role... roles) {
        return new AccountStore.Change(
                user, "王评审", password, Set.of(roles), "威海市大数据中心", "12371000mb1234567x", "", "", true);
    }

    @Test
    void anAccountIsKeptWithABcryptHashAndReadBackAfterARestart() throws Exception {
        store().create(change("wang.reviewer", "a-password-of-16", Role.REVIEWER), "admin");

        Account read = store().find("wang.reviewer").orElseThrow();

        assertThat(read.passwordHash()).startsWith("{bcrypt}").doesNotContain("a-password-of-16");
        assertThat(ENCODER.matches("a-password-of-16", read.passwordHash())).isTrue();
        assertThat(read.roles()).containsExactly(Role.REVIEWER);
        assertThat(read.creditCode()).isEqualTo("12371000MB1234567X");
        assertThat(read.changedBy()).isEqualTo("admin");
        assertThat(database.jdbc()
                        .sql("select count(*) from accounts where password_hash like '%a-password%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aChangeWithoutAPasswordKeepsTheOldOne() throws Exception {
        AccountStore accounts = store();
        accounts.create(change("li", "first-password-1", Role.ORGANIZER), "admin");
        accounts.update(change("li", "", Role.ORGANIZER, Role.COMMITTEE), "admin");

        Account read = store().find("li").orElseThrow();
        assertThat(ENCODER.matches("first-password-1", read.passwordHash())).isTrue();
        assertThat(read.roles()).containsExactlyInAnyOrder(Role.ORGANIZER, Role.COMMITTEE);
    }

    @Test
    void aReviewerOrAnAuditorHoldsNoOtherRole() throws Exception {
        AccountStore accounts = store();
        accounts.create(change("li", "first-password-1", Role.REVIEWER), "admin");

        assertThatThrownBy(() -> accounts.update(change("li", "", Role.REVIEWER, Role.ORGANIZER), "admin"))
                .hasMessage("评审专家账号不能兼任其他角色（职责分离）：请为其他职责另建账号。");
        assertThatThrownBy(() -> accounts.create(change("wang", "first-password-1", Role.AUDITOR, Role.ADMIN), "admin"))
                .hasMessageStartingWith("安全审计员账号不能兼任其他角色");
        assertThat(store().find("li").orElseThrow().roles()).containsExactly(Role.REVIEWER);
        assertThat(store().find("wang")).isEmpty();
    }

    @Test
    void creatingAUserNameThatExistsIsRefusedAndTheAccountStaysAsItWas() throws Exception {
        AccountStore accounts = store();
        accounts.create(change("zhang.expert", "reviewers-own-pass", Role.REVIEWER), "admin");

        assertThatThrownBy(() -> accounts.create(
                        new AccountStore.Change(
                                "zhang.expert",
                                "冒名者",
                                "someone-elses-pass",
                                Set.of(Role.ORGANIZER),
                                "别的单位",
                                "",
                                "",
                                "",
                                true),
                        "admin"))
                .hasMessageContaining("已被占用");
        Account kept = store().find("zhang.expert").orElseThrow();
        assertThat(kept.roles()).containsExactly(Role.REVIEWER);
        assertThat(kept.unit()).isEqualTo("威海市大数据中心");
        assertThat(ENCODER.matches("reviewers-own-pass", kept.passwordHash())).isTrue();
        assertThatThrownBy(() -> accounts.update(change("nobody.here", "", Role.REVIEWER), "admin"))
                .hasMessageContaining("没有用户名");
    }

    @Test
    void wrongChangesAreRefusedInChinese() throws Exception {
        AccountStore accounts = store();
        assertThatThrownBy(() -> accounts.create(change("Bad Name", "a-password-of-16", Role.REVIEWER), "admin"))
                .hasMessageContaining("用户名");
        assertThatThrownBy(() -> accounts.create(change("short", "short", Role.REVIEWER), "admin"))
                .hasMessageContaining("至少 12 个字符");
        assertThatThrownBy(() -> accounts.create(change("norole", "a-password-of-16"), "admin"))
                .hasMessageContaining("角色");
        assertThatThrownBy(() -> accounts.create(change("nopassword", "", Role.REVIEWER), "admin"))
                .hasMessageContaining("必须设置密码");
        assertThatThrownBy(() -> accounts.create(change("admin", "a-password-of-16", Role.REVIEWER), "admin"))
                .hasMessageContaining("环境变量");
        assertThat(accounts.find("admin").orElseThrow().roles())
                .containsExactlyInAnyOrderElementsOf(EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.COMMITTEE));
    }

    @Test
    void repeatedFailuresLockAnAccountForAWhileAcrossARestartAndAnAdminCanUnlockIt() throws Exception {
        AccountStore accounts = store();
        accounts.create(change("zhao", "a-password-of-16", Role.ORGANIZER), "admin");
        AuditLog audit = new AuditLog(database.jdbc(), database.transactions());
        Instant now = Instant.parse("2024-08-20T01:00:00Z");
        LoginAttempts attempts = attempts(accounts, audit, now);

        attempts.failed("zhao");
        attempts.failed("zhao");
        assertThat(attempts.lockedUntil("zhao")).isEmpty();
        attempts.failed("zhao");
        assertThat(attempts.lockedUntil("zhao")).contains(now.plus(Duration.ofMinutes(15)));

        LoginAttempts restarted = attempts(store(), audit, now);
        assertThat(restarted.lockedUntil("zhao"))
                .as("still locked after a restart")
                .isPresent();
        LoginAttempts later = attempts(store(), audit, now.plus(Duration.ofMinutes(16)));
        assertThat(later.lockedUntil("zhao")).as("a lock-out ends by itself").isEmpty();

        restarted.unlock("zhao", "admin");
        assertThat(restarted.lockedUntil("zhao")).isEmpty();
        assertThat(audit.latest(10))
                .extracting(AuditEvent::action)
                .containsExactly("account.locked", "signin.failed", "signin.failed", "signin.failed");
    }
}
