package cn.dataelements.contest.rebuild;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.ComplianceReload;
import cn.dataelements.contest.compliance.EntryCheck;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.EntryBuilder;
import cn.dataelements.contest.entry.EntryStore;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.intake.SubmissionReaders;
import cn.dataelements.contest.submission.ReadSubmission;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every submission and entry from the archive alone, without fetching anything from the channels again:
 * after a change of rules, catalog or mappings, or to fill a new index. One bad submission is reported and skipped;
 * the rest go on.
 */
@Component
public class EntryRebuild {

    private static final Logger log = LoggerFactory.getLogger(EntryRebuild.class);
    private static final int PROGRESS_EVERY = 25;

    private final SubmissionArchive archive;
    private final SubmissionReaders readers;
    private final EntryBuilder builder;
    private final EntryStore store;
    private final EntryCheck check;
    private final ComplianceReload reload;
    private final Indexer indexer;
    private final IndexProperties index;

    EntryRebuild(
            SubmissionArchive archive,
            SubmissionReaders readers,
            EntryBuilder builder,
            EntryStore store,
            EntryCheck check,
            ComplianceReload reload,
            Indexer indexer,
            IndexProperties index) {
        this.archive = archive;
        this.readers = readers;
        this.builder = builder;
        this.store = store;
        this.check = check;
        this.reload = reload;
        this.indexer = indexer;
        this.index = index;
    }

    public synchronized RebuildReport rebuildAll() throws IOException {
        Instant began = Instant.now();
        reload.reload();
        List<ArchivedSubmission> all = archive.all();
        java.util.Set<String> changed = new java.util.TreeSet<>();
        List<String> failures = new ArrayList<>();
        int rebuilt = 0;
        for (ArchivedSubmission archived : all) {
            try {
                ReadSubmission read = readers.read(archived);
                indexer.index(index.alias("submissions"), List.of(new IndexItem(archived.id(), read.document())));
                Entry entry = store.save(builder.build(read), read.document().from());
                if (check.check(entry, read).changed()) {
                    changed.add(entry.id());
                }
                rebuilt++;
            } catch (RuntimeException e) {
                failures.add(archived.id() + ": " + e.getMessage());
                log.warn("Rebuild: submission {} could not be rebuilt: {}", archived.id(), e.toString());
            }
            if ((rebuilt + failures.size()) % PROGRESS_EVERY == 0) {
                log.info("Rebuild: {} of {} submissions done", rebuilt + failures.size(), all.size());
            }
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
