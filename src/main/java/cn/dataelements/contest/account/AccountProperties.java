package cn.dataelements.contest.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits (prefix {@code intake.accounts}); accounts, lock-outs and the audit log are in the database.
 *
 * @param maxFailures failed sign-ins in a row that lock an account
 * @param lockFor how long a lock-out lasts; it always ends, the environment's admin included
 */
@ConfigurationProperties("intake.accounts")
public record AccountProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockFor) {}
