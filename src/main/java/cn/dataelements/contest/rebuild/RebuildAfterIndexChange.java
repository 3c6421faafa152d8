package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.index.IndexInstaller;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * When an index definition changed at this start, fills the new submission, view and entry indices from the archive,
 * in the background so intake goes on meanwhile (new items go straight into the new indices).
 */
@Component
class RebuildAfterIndexChange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterIndexChange.class);
    private static final Set<String> DERIVED = Set.of("submissions", "views", "entries");

    private final IndexInstaller installer;
    private final EntryRebuild rebuild;

    RebuildAfterIndexChange(IndexInstaller installer, EntryRebuild rebuild) {
        this.installer = installer;
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean derivedMoved =
                installer.moved().stream().anyMatch(a -> DERIVED.stream().anyMatch(a::endsWith));
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
