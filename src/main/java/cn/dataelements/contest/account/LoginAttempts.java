package cn.dataelements.contest.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins and lock-outs, in the database ({@code lockouts}), so a restart does not lift them and every app
 * instance counts the same failures. After {@code maxFailures} wrong passwords in a row an account is locked for
 * {@code lockFor}; every lock-out ends by itself, and an admin can end one sooner.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final int maxFailures;
    private final Duration lockFor;
    private final AuditLog audit;
    private final AccountStore accounts;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    LoginAttempts(
            JdbcClient db,
            TransactionTemplate transactions,
            AccountProperties properties,
            AuditLog audit,
            AccountStore accounts) {
        this(db, transactions, properties, audit, accounts, Clock.systemUTC());
    }

    LoginAttempts(
            JdbcClient db,
            TransactionTemplate transactions,
            AccountProperties properties,
            AuditLog audit,
            AccountStore accounts,
            Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.maxFailures = properties.maxFailures();
        this.lockFor = properties.lockFor();
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Until when the account is locked, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return db.sql("select locked_until from lockouts where username = ?")
                .param(username)
                .query((rs, n) -> rs.getTimestamp("locked_until"))
                .optional()
                .filter(until -> until != null)
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now));
    }

    /** One more wrong password in a row: counted, audited, and the account locked at the limit. */
    public void failed(String username) {
        transactions.executeWithoutResult(status -> {
            int count = db.sql("""
                            insert into lockouts (username, failures) values (?, 1)
                            on conflict (username) do update set failures = lockouts.failures + 1
                            returning failures
                            """).param(username).query(Integer.class).single();
            audit.record(username, "signin.failed", username, "第 " + count + " 次");
            if (count >= maxFailures) {
                Instant until = clock.instant().plus(lockFor);
                db.sql("update lockouts set failures = 0, locked_until = ?, locked_by = 'signin' where username = ?")
                        .params(Timestamp.from(until), username)
                        .update();
                log.warn("Account {} locked until {} after {} failed sign-ins", username, until, count);
                audit.record(username, "account.locked", username, "至 " + until);
            }
        });
    }

    public void succeeded(String username) {
        db.sql("update lockouts set failures = 0 where username = ? and failures > 0")
                .param(username)
                .update();
    }

    /** An admin ends a lock-out before its time. */
    public void unlock(String username, String by) {
        db.sql("""
                        insert into lockouts (username, failures, locked_until, locked_by) values (?, 0, null, ?)
                        on conflict (username) do update set failures = 0, locked_until = null, locked_by = excluded.locked_by
                        """).params(username, by).update();
    }

    /** Names no account has are not counted, so guessed names cannot fill the table or the audit log. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        if (accounts.find(name).isPresent()) {
            failed(name);
        } else {
            log.info("Sign-in failed for an unknown user name");
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }
}
