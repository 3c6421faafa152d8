package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.intake.IntakeGate;
import cn.dataelements.contest.system.postgres.DatabaseRestore;
import cn.dataelements.contest.upgrade.FileStoresImport;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an index projected from the database is new at this start (a changed definition, a new node, a restore) or a
 * fill was cut short, fills it from the database as a background job ({@code GET /api/admin/rebuild} shows it): intake
 * goes on meanwhile into the new indices, and searches use the old ones until the new ones are full. With nothing in
 * the database, the new indices are complete as they are. After a restore, every index is filled anew; after an upgrade
 * from files, the archive is re-run into the database (and the indices), and intake starts once that is done.
 */
@Component
class RebuildAfterIndexChange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterIndexChange.class);

    private final IndexInstaller installer;
    private final RebuildJobs jobs;
    private final JdbcClient db;
    private final DatabaseRestore restore;
    private final FileStoresImport upgrade;
    private final IntakeGate gate;

    RebuildAfterIndexChange(
            IndexInstaller installer,
            RebuildJobs jobs,
            JdbcClient db,
            DatabaseRestore restore,
            FileStoresImport upgrade,
            IntakeGate gate) {
        this.installer = installer;
        this.jobs = jobs;
        this.db = db;
        this.restore = restore;
        this.upgrade = upgrade;
        this.gate = gate;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (upgrade.importedAtStart()) {
            // the upgrade's records are in; the archive makes the submissions, entries and findings, then intake runs
            jobs.startThen(false, gate::open)
                    .ifPresent(job ->
                            log.info("Upgraded from files: job {} re-runs the archive into the database", job.id()));
            return;
        }
        if (restore.restoredAtStart()) {
            jobs.startRefill()
                    .ifPresent(job -> log.info("Database restored: job {} fills the search indices from it", job.id()));
            return;
        }
        List<String> unfilled = installer.unfilled().stream()
                .filter(EntryRebuild.DERIVED::contains)
                .toList();
        if (unfilled.isEmpty()) {
            return;
        }
        boolean empty = db.sql("select not exists (select 1 from submissions) and not exists (select 1 from entries)")
                .query(Boolean.class)
                .single();
        if (empty) {
            for (String name : unfilled) {
                installer.promote(name);
            }
            return;
        }
        jobs.startRefill()
                .ifPresent(
                        job -> log.info("Indices {} are new: job {} fills them from the database", unfilled, job.id()));
    }
}
