package cn.dataelements.contest.account;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts, lock-outs and the audit log (prefix {@code intake.accounts}).
 *
 * @param dir where accounts.jsonl and lockouts.jsonl are kept
 * @param auditDir where the audit log is kept, one file per month
 * @param maxFailures failed sign-ins in a row that lock an account
 * @param lockFor how long a lock-out lasts; it always ends, the environment's admin included
 */
@ConfigurationProperties("intake.accounts")
public record AccountProperties(
        Path dir,
        Path auditDir,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockFor) {}
