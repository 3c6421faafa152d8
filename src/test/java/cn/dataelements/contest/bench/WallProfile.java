package cn.dataelements.contest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the intake's wall-clock time goes, from an async-profiler wall-clock profile of the app in collapsed form
 * (with thread names). Each sample of an intake thread (the mailbox route's consumer, and the intake's workers) is
 * given to the first stage whose method is on its stack; the table lists the stages by their share of those threads'
 * time. Arguments: the collapsed file, the sampling interval in ms.
 */
public final class WallProfile {

    /** Stages in the order a sample is matched against them: the more specific first. */
    private static final List<Map.Entry<String, List<String>>> STAGES = List.of(
            Map.entry("IMAP: move to Processed (the acknowledgement)", List.of("ParallelMailConsumer.acknowledge")),
            Map.entry("consumer: waiting for the poll's workers", List.of("ParallelMailConsumer.processBatch")),
            Map.entry("rebuild: joining waits for the readers", List.of("EntryRebuild.read")),
            Map.entry("worker: waiting for the items before (turn)", List.of("IntakeTurns.await")),
            Map.entry("IMAP: move to Processed (the acknowledgement)", List.of("MailConsumer.processCommit")),
            Map.entry(
                    "IMAP: poll, list, headers and UIDs",
                    List.of(
                            "MailConsumer.retrieveMessages",
                            "MailConsumer.createExchange",
                            "MailBinding.extractHeadersFromMail",
                            "MailMessage.populateInitialHeaders",
                            "MailConsumer.ensureIsConnected",
                            "IMAPFolder.open",
                            "IMAPFolder.getMessageCount")),
            Map.entry(
                    "idle: waiting for the next poll or item",
                    List.of("DelayedWorkQueue.take", "LinkedBlockingQueue.take")),
            Map.entry("archive: raw mail from IMAP to disk, fsync", List.of("MailArchiver.archive")),
            Map.entry(
                    "extraction: round trips to the child",
                    List.of("ForkedChild.parse", "ForkedChild.unpack", "ForkedChild.start", "ForkedTikaExtractor")),
            Map.entry("archive expansion (zip, 7z, rar)", List.of("ArchiveExpander")),
            Map.entry("MIME walk", List.of("MailParser.parse")),
            Map.entry("team look-up", List.of("TeamMatcher")),
            Map.entry("cross-entry look-up", List.of("StoredEntryDirectory")),
            Map.entry("database: locks and commit", List.of("EntryStore.lock", "DataSourceTransactionManager")),
            Map.entry("entry: views and entries read, merge, write", List.of("EntryStore.save")),
            Map.entry("entry build: normalize the form, classify", List.of("EntryBuilder.build")),
            Map.entry("check: texts of the entry's other files", List.of("StoredCheckInputs")),
            Map.entry("check: rules and findings write", List.of("EntryCheck")),
            Map.entry("receipt decision", List.of("TeamReceipt")),
            Map.entry("submission row write", List.of("EntryStore.writeSubmission")),
            Map.entry("ledger row", List.of("IntakeLedger")),
            Map.entry("search projection (after commit)", List.of("Projector")));

    /** The intake's threads: the mailbox route's consumer and its workers. */
    static final List<String> INTAKE_THREADS = List.of("imap://", "intake-worker");

    /** A rebuild's threads: the one joining entries and its readers. */
    static final List<String> REBUILD_THREADS = List.of("[rebuild", "rebuild-reader");

    private WallProfile() {}

    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), args.length > 1 ? Double.parseDouble(args[1]) : 10, INTAKE_THREADS, "intake threads");
    }

    /** Prints the time of these threads (names containing one of them) per stage. */
    static void print(Path collapsed, double intervalMillis, List<String> threads, String whose) throws IOException {
        Map<String, Long> byStage = breakdown(collapsed, threads);
        long total = byStage.values().stream().mapToLong(Long::longValue).sum();
        double interval = intervalMillis / 1000;
        Report report = new Report();
        report.row(whose + "' wall-clock time sampled", String.format("%.1f s", total * interval));
        byStage.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> report.row(
                        "  " + e.getKey(),
                        String.format("%6.1f s  %5.1f %%", e.getValue() * interval, 100.0 * e.getValue() / total)));
        report.print();
    }

    static Map<String, Long> breakdown(Path collapsed, List<String> threads) throws IOException {
        Map<String, Long> byStage = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(collapsed)) {
            lines.forEach(line -> {
                int space = line.lastIndexOf(' ');
                String[] frames = line.substring(0, space).split(";");
                if (threads.stream().noneMatch(frames[0]::contains)) {
                    return;
                }
                long samples = Long.parseLong(line.substring(space + 1));
                byStage.merge(stage(frames), samples, Long::sum);
            });
        }
        return byStage;
    }

    private static String stage(String[] frames) {
        for (Map.Entry<String, List<String>> stage : STAGES) {
            for (int i = 1; i < frames.length; i++) {
                String frame = frames[i];
                if (stage.getValue().stream().anyMatch(frame::contains)) {
                    return stage.getKey();
                }
            }
        }
        return "other";
    }
}
