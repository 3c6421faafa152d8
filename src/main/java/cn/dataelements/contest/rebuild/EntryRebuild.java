package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.ComplianceReload;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.intake.SubmissionIntake;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every submission, view, entry and findings document from the archive alone, without fetching anything from
 * the channels again: after a change of rules, catalog or mappings, or to fill a new index. The archive is replayed in
 * the order of receipt, through the same steps as live intake (no receipt is sent), into new, empty indices that take
 * the write aliases at once, so intake goes on meanwhile and lands there too; searches keep the complete old indices
 * until the replay is done and the read aliases move. One bad submission is reported and skipped; the rest go on.
 */
@Component
public class EntryRebuild {

    /** The indices derived from the archive, rebuilt together. */
    static final List<String> DERIVED = List.of("submissions", "views", "entries", "findings");

    private static final Logger log = LoggerFactory.getLogger(EntryRebuild.class);
    private static final int PROGRESS_EVERY = 25;

    private final SubmissionArchive archive;
    private final SubmissionIntake intake;
    private final EntryCheck check;
    private final ComplianceReload reload;
    private final IndexInstaller installer;

    EntryRebuild(
            SubmissionArchive archive,
            SubmissionIntake intake,
            EntryCheck check,
            ComplianceReload reload,
            IndexInstaller installer) {
        this.archive = archive;
        this.intake = intake;
        this.check = check;
        this.reload = reload;
        this.installer = installer;
    }

    public synchronized RebuildReport rebuildAll() throws IOException {
        Instant began = Instant.now();
        reload.reload();
        for (String name : DERIVED) {
            installer.newGeneration(name);
        }
        // Listed after the write aliases moved: whatever is archived later is taken in by live intake, into the new
        // indices; whatever was archived before is in this list.
        List<ArchivedSubmission> all = new ArrayList<>(archive.all());
        all.sort(Comparator.comparing(ArchivedSubmission::order));
        Set<String> entries = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int rebuilt = 0;
        for (ArchivedSubmission archived : all) {
            try {
                entries.add(intake.replay(archived).entry().id());
                rebuilt++;
            } catch (RuntimeException e) {
                failures.add(archived.id() + ": " + e.getMessage());
                log.warn("Rebuild: submission {} could not be rebuilt: {}", archived.id(), e.toString());
            }
            if ((rebuilt + failures.size()) % PROGRESS_EVERY == 0) {
                log.info("Rebuild: {} of {} submissions done", rebuilt + failures.size(), all.size());
            }
        }
        Set<String> changed = new TreeSet<>();
        for (String entryId : entries) {
            if (check.differsFromPublished(entryId)) {
                changed.add(entryId);
            }
        }
        for (String name : DERIVED) {
            installer.promote(name);
        }
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        log.info(
                "Rebuild finished: {} of {} rebuilt, {} with changed findings, {} failed, {} s",
                rebuilt,
                all.size(),
                changed.size(),
                failures.size(),
                seconds);
        return new RebuildReport(all.size(), rebuilt, changed, failures, seconds);
    }
}
