package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.index.IndexInstaller;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * When an index definition derived from the archive changed at this start (or a rebuild was cut short), rebuilds
 * the submission, view, entry and findings indices from the archive, in the background: intake goes on meanwhile into
 * the new indices, and searches use the old ones until the new ones are full.
 */
@Component
class RebuildAfterIndexChange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterIndexChange.class);

    private final IndexInstaller installer;
    private final EntryRebuild rebuild;

    RebuildAfterIndexChange(IndexInstaller installer, EntryRebuild rebuild) {
        this.installer = installer;
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean derivedMoved = installer.unfilled().stream().anyMatch(EntryRebuild.DERIVED::contains);
        if (!derivedMoved) {
            return;
        }
        Thread worker = new Thread(
                () -> {
                    try {
                        rebuild.rebuildAll();
                    } catch (IOException | RuntimeException e) {
                        log.error("Rebuild after an index definition change failed; run POST /api/admin/rebuild", e);
                    }
                },
                "rebuild-after-index-change");
        worker.setDaemon(true);
        worker.start();
    }
}
