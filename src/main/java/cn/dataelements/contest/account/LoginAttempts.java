package cn.dataelements.contest.account;

import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins and lock-outs. After {@code maxFailures} wrong passwords in a row an account is locked for
 * {@code lockFor}; every lock-out ends by itself, and an admin can end one sooner. Lock-outs are fsynced to
 * {@code lockouts.jsonl}, so a restart does not lift them; the count of failures before one is kept in memory.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** A lock-out as written: until when, and who set or lifted it. */
    record Lockout(String username, Instant until, String by) {}

    private final Path file;
    private final ObjectMapper json;
    private final int maxFailures;
    private final Duration lockFor;
    private final AuditLog audit;
    private final AccountStore accounts;
    private final Clock clock;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> lockedUntil = new HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    LoginAttempts(AccountProperties properties, ObjectMapper json, AuditLog audit, AccountStore accounts)
            throws IOException {
        this(properties, json, audit, accounts, Clock.systemUTC());
    }

    LoginAttempts(AccountProperties properties, ObjectMapper json, AuditLog audit, AccountStore accounts, Clock clock)
            throws IOException {
        this.file = properties.dir().toAbsolutePath().resolve("lockouts.jsonl");
        this.json = json;
        this.maxFailures = properties.maxFailures();
        this.lockFor = properties.lockFor();
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
        for (Lockout lockout : JsonLines.readAll(file, json, Lockout.class)) {
            lockedUntil.put(lockout.username(), lockout.until());
        }
    }

    /** Until when the account is locked, if it is now. */
    public synchronized Optional<Instant> lockedUntil(String username) {
        Instant until = lockedUntil.get(username);
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    public synchronized void failed(String username) {
        int count = failures.merge(username, 1, Integer::sum);
        audit.record(username, "signin.failed", username, "第 " + count + " 次");
        if (count >= maxFailures) {
            failures.remove(username);
            Instant until = clock.instant().plus(lockFor);
            write(new Lockout(username, until, "signin"));
            log.warn("Account {} locked until {} after {} failed sign-ins", username, until, count);
            audit.record(username, "account.locked", username, "至 " + until);
        }
    }

    public synchronized void succeeded(String username) {
        failures.remove(username);
    }

    /** An admin ends a lock-out before its time. */
    public synchronized void unlock(String username, String by) {
        failures.remove(username);
        write(new Lockout(username, Instant.EPOCH, by));
    }

    private void write(Lockout lockout) {
        try {
            JsonLines.append(file, json, lockout);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the lock-out in " + file, e);
        }
        lockedUntil.put(lockout.username(), lockout.until());
    }

    /** Names no account has are not counted, so guessed names cannot fill the memory or the audit log. */
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
