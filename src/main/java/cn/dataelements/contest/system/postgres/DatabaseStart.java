package cn.dataelements.contest.system.postgres;

import cn.dataelements.contest.upgrade.FileStoresImport;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * What happens to the database at start, before anything else uses it: a backup waiting to be restored is restored,
 * the schema is migrated, and the files of a version before PostgreSQL are imported.
 */
@Component
class DatabaseStart implements FlywayMigrationStrategy {

    private final DatabaseRestore restore;
    private final FileStoresImport upgrade;

    DatabaseStart(DatabaseRestore restore, FileStoresImport upgrade) {
        this.restore = restore;
        this.upgrade = upgrade;
    }

    @Override
    public void migrate(Flyway flyway) {
        restore.restoreIfPending(flyway.getConfiguration().getDataSource());
        flyway.migrate();
        upgrade.importIfPending(flyway.getConfiguration().getDataSource());
    }
}
