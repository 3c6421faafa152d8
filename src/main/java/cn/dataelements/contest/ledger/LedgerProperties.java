package cn.dataelements.contest.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake ledger (prefix {@code intake.ledger}).
 *
 * @param replicateEvery how often lines not yet in the ledger index are copied there (default 5s)
 */
@Validated
@ConfigurationProperties("intake.ledger")
public record LedgerProperties(@DefaultValue("5s") Duration replicateEvery) {}
