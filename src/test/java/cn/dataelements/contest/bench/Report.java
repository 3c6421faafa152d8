package cn.dataelements.contest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The benchmark's figures, printed as one table at the end. */
final class Report {

    private final List<String[]> rows = new ArrayList<>();

    void intake(Instant start, Map<String, Instant> appended, Map<String, LedgerWatch.Done> done) {
        long indexed = done.values().stream()
                .filter(d -> d.outcome().equals("INDEXED"))
                .count();
        row("mails appended", appended.size());
        row(
                "mails indexed / quarantined / not done",
                indexed + " / " + (done.size() - indexed) + " / " + (appended.size() - done.size()));
        Instant last = done.values().stream()
                .map(LedgerWatch.Done::at)
                .max(Instant::compareTo)
                .orElse(start);
        double seconds = Duration.between(start, last).toMillis() / 1000.0;
        row("first append to last done", String.format("%.1f s", seconds));
        row("throughput", String.format("%.1f mails/min", seconds == 0 ? 0 : done.size() * 60 / seconds));
        List<Long> latencies = done.entrySet().stream()
                .map(e -> Duration.between(
                                appended.get(e.getKey()), e.getValue().at())
                        .toMillis())
                .sorted()
                .toList();
        row(
                "latency append→done p50 / p95 / max",
                percentile(latencies, 50) + " / " + percentile(latencies, 95) + " / " + percentile(latencies, 100)
                        + " ms");
    }

    void folders(int inbox, int processed, int quarantine) {
        row("mailbox INBOX / Processed / Quarantine", inbox + " / " + processed + " / " + quarantine);
    }

    void memory(Optional<ProcessMemory> app, long heapMib, List<ProcessMemory> children) {
        row(
                "app peak RSS (VmHWM) / RSS now",
                app.map(m -> m.peakMib() + " / " + m.residentMib() + " MiB").orElse("n/a"));
        row("app heap used after the run", heapMib + " MiB");
        row(
                "extraction children peak RSS",
                children.isEmpty()
                        ? "none running"
                        : children.stream()
                                .map(c -> c.peakMib() + " MiB")
                                .toList()
                                .toString());
    }

    void rebuild(Duration took, JsonNode report) {
        row(
                "rebuild from the archive",
                String.format(
                        "%.1f s for %d submissions (%d failed)",
                        took.toMillis() / 1000.0,
                        report.path("rebuilt").asInt(),
                        report.path("failures").size()));
    }

    void row(String name, Object value) {
        rows.add(new String[] {name, String.valueOf(value)});
    }

    void print() {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        System.out.println("=".repeat(80));
        for (String[] r : rows) {
            System.out.printf("  %-" + width + "s  %s%n", r[0], r[1]);
        }
        System.out.println("=".repeat(80));
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
