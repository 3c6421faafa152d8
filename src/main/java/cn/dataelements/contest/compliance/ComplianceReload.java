package cn.dataelements.contest.compliance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads mappings/compliance.yaml and the forbidden-word list again and hands them to the checker: what a re-run does
 * first, so a changed rule or word list takes effect without a restart. A file that does not validate stops the
 * re-run with the same error a start-up would give, and the rules in force stay as they were.
 */
@Component
public class ComplianceReload {

    private static final Logger log = LoggerFactory.getLogger(ComplianceReload.class);

    private final ComplianceProperties properties;
    private final ComplianceChecker checker;

    ComplianceReload(ComplianceProperties properties, ComplianceChecker checker) {
        this.properties = properties;
        this.checker = checker;
    }

    public void reload() {
        checker.use(ComplianceSettings.load(properties.dir(), properties.forbiddenWords()));
        log.info("Compliance rules and word lists reloaded from {}", properties.dir());
    }
}
