package cn.dataelements.contest.ledger;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake ledger (prefix {@code intake.ledger}).
 *
 * @param dir folder of the ledger's JSON-lines files, one per UTC day (default {@code ${intake.data-dir}/ledger})
 * @param replicateEvery how often lines not yet in the ledger index are copied there (default 5s)
 */
@Validated
@ConfigurationProperties("intake.ledger")
public record LedgerProperties(
        @NotNull Path dir, @DefaultValue("5s") Duration replicateEvery) {}
