package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.index.IndexInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * When an index definition derived from the archive changed at this start (or a rebuild was cut short), rebuilds
 * the submission, view, entry and findings indices from the archive, as a background job ({@code GET
 * /api/admin/rebuild} shows it): intake goes on meanwhile into the new indices, and searches use the old ones until
 * the new ones are full.
 */
@Component
class RebuildAfterIndexChange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterIndexChange.class);

    private final IndexInstaller installer;
    private final RebuildJobs jobs;

    RebuildAfterIndexChange(IndexInstaller installer, RebuildJobs jobs) {
        this.installer = installer;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean derivedMoved = installer.unfilled().stream().anyMatch(EntryRebuild.DERIVED::contains);
        if (derivedMoved) {
            jobs.start(false)
                    .ifPresent(
                            job -> log.info("Index definitions changed: rebuild {} fills the new indices", job.id()));
        }
    }
}
