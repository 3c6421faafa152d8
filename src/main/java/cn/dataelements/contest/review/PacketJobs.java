package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Packets for many entries at once (a track of a round, or everything assigned to one reviewer), made one after the
 * other in the background: a zip of the entries' packets, with progress. An entry whose packet fails is listed and
 * the rest go on.
 */
@Component
public class PacketJobs {

    private static final Logger log = LoggerFactory.getLogger(PacketJobs.class);

    /** A batch and how far it is. */
    public record Job(
            String id,
            String label,
            int total,
            int done,
            String state,
            List<String> problems,
            String by,
            Instant startedAt) {}

    private final Packets packets;
    private final Rounds rounds;
    private final Assignments assignments;
    private final AuditLog audit;
    private final Path dir;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "packet-jobs");
        thread.setDaemon(true);
        return thread;
    });

    PacketJobs(Packets packets, Rounds rounds, Assignments assignments, AuditLog audit, ReviewProperties properties) {
        this.packets = packets;
        this.rounds = rounds;
        this.assignments = assignments;
        this.audit = audit;
        this.dir = properties.dir().toAbsolutePath().resolve("batches");
        clearEarlierRuns();
    }

    /** Jobs live as long as the app: the files of an earlier run's batches can no longer be asked for. */
    private void clearEarlierRuns() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not clear the earlier batches in {}: {}", dir, e.toString());
        }
    }

    /**
     * Starts a batch for a round: every entry assigned to the reviewer when one is named, otherwise the round's entries
     * of the track (or of all tracks). Packets are blind when the round is.
     */
    public Job start(String round, Integer track, String reviewer, String by) {
        ReviewPlan.Round shown = rounds.round(round);
        List<RoundEntry> chosen;
        String label;
        if (reviewer != null && !reviewer.isBlank()) {
            chosen = assignments.ofReviewer(reviewer).stream()
                    .filter(a -> a.round().equals(round))
                    .flatMap(a -> rounds.entry(round, a.entryId()).stream())
                    .toList();
            label = shown.name() + " · " + reviewer + " 的评审材料";
        } else {
            chosen = rounds.entries(round).stream()
                    .filter(e -> track == null || e.track() == track)
                    .toList();
            label = shown.name() + " · " + (track == null ? "全部赛道" : "赛道 " + track) + " 的评审材料";
        }
        audit.record(by, "review.packets", round, label);
        return start(chosen, new PacketReading(shown, reviewer == null ? "" : reviewer.strip()), label, by);
    }

    private Job start(List<RoundEntry> chosen, PacketReading reading, String label, String by) {
        Job job =
                new Job(UUID.randomUUID().toString(), label, chosen.size(), 0, "RUNNING", List.of(), by, Instant.now());
        jobs.put(job.id(), job);
        worker.submit(() -> run(job, chosen, reading));
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The finished batch's zip. */
    public Optional<Path> file(String id) {
        return find(id).filter(j -> j.state().equals("DONE")).map(j -> dir.resolve(j.id() + ".zip"));
    }

    private void run(Job job, List<RoundEntry> chosen, PacketReading reading) {
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve(job.id() + ".part");
            try (OutputStream out = Files.newOutputStream(part);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                int done = 0;
                for (RoundEntry entry : chosen) {
                    add(zip, entry, reading, problems);
                    jobs.put(job.id(), progress(job, ++done, "RUNNING", problems));
                }
            }
            Files.move(part, dir.resolve(job.id() + ".zip"));
            jobs.put(job.id(), progress(job, chosen.size(), "DONE", problems));
        } catch (IOException | RuntimeException e) {
            log.error("Packet batch {} failed", job.id(), e);
            problems.add("批量生成失败：" + e.getMessage());
            jobs.put(job.id(), progress(jobs.get(job.id()), jobs.get(job.id()).done(), "FAILED", problems));
        }
    }

    /** One entry's packet, made whole in a file of its own first: a packet that fails leaves nothing in the batch. */
    private void add(ZipOutputStream zip, RoundEntry entry, PacketReading reading, List<String> problems)
            throws IOException {
        boolean blind = reading.round().blind();
        Path one = Files.createTempFile(dir, "packet-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(one)) {
                packets.write(entry.entryId(), entry.code(), blind, reading, out);
            }
            zip.putNextEntry(new ZipEntry(Packets.fileName(entry.code(), blind)));
            Files.copy(one, zip);
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            log.warn("Packet of entry {} could not be made: {}", entry.entryId(), e.toString());
            problems.add(entry.code() + "：评审材料未能生成（" + e.getMessage() + "）");
        } finally {
            Files.deleteIfExists(one);
        }
    }

    private static Job progress(Job job, int done, String state, List<String> problems) {
        return new Job(
                job.id(), job.label(), job.total(), done, state, List.copyOf(problems), job.by(), job.startedAt());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
