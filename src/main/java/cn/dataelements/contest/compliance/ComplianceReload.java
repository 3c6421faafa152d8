package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.catalog.CurrentCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog, mappings/compliance.yaml and the forbidden-word list again and hands them to the entry builder
 * and the checker: what a re-run does first, so a changed track, mapping, rule or word list takes effect without a
 * restart. A file that does not validate stops the re-run with the same error a start-up would give; everything is
 * read before anything is used, so the rules in force then stay as they were.
 */
@Component
public class ComplianceReload {

    private static final Logger log = LoggerFactory.getLogger(ComplianceReload.class);

    private final ComplianceProperties properties;
    private final CurrentCatalog catalog;
    private final ComplianceChecker checker;

    ComplianceReload(ComplianceProperties properties, CurrentCatalog catalog, ComplianceChecker checker) {
        this.properties = properties;
        this.catalog = catalog;
        this.checker = checker;
    }

    public void reload() {
        ComplianceSettings settings = ComplianceSettings.load(properties.dir(), properties.forbiddenWords());
        Catalog loaded = catalog.reload();
        checker.use(loaded.tracks(), settings);
        log.info("Compliance rules and word lists reloaded from {}", properties.dir());
    }
}
