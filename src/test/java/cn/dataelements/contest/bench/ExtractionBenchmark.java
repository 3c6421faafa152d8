package cn.dataelements.contest.bench;

import cn.dataelements.contest.extraction.Extraction;
import cn.dataelements.contest.extraction.ExtractionSettings;
import cn.dataelements.contest.extraction.ForkedTikaExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Document extraction alone: every generated form (docx, doc, pdf) through the forked Tika child with the app's
 * default settings (512m child heap, one child), a number of rounds, after one warm-up round. Argument: rounds.
 */
public final class ExtractionBenchmark {

    private static final Path FORMS = Path.of("src/test/resources/forms");

    private ExtractionBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Path> documents;
        try (Stream<Path> files = Files.list(FORMS)) {
            documents = files.filter(f -> f.toString().matches(".*\\.(docx|doc|pdf)$"))
                    .sorted()
                    .toList();
        }
        Path temp = Files.createTempDirectory("extraction-benchmark");
        Report report = new Report();
        try (ForkedTikaExtractor extractor =
                new ForkedTikaExtractor(new ExtractionSettings(Duration.ofSeconds(60), "512m", 2_000_000, temp, 1))) {
            extractAll(extractor, documents);
            long started = System.nanoTime();
            long failed = 0;
            for (int i = 0; i < rounds; i++) {
                failed += extractAll(extractor, documents);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int total = rounds * documents.size();
            report.row("documents extracted", total + " (" + documents.size() + " forms x " + rounds + " rounds)");
            report.row("not extracted", failed);
            report.row(
                    "extraction rate",
                    String.format("%.1f documents/s (%.0f ms each)", total / seconds, seconds * 1000 / total));
            ProcessMemory.extractionChildren(ProcessHandle.current().pid())
                    .forEach(c -> report.row("extraction child peak RSS", c.peakMib() + " MiB"));
        }
        report.print();
    }

    private static long extractAll(ForkedTikaExtractor extractor, List<Path> documents) {
        return documents.stream()
                .map(d -> extractor.extract(d, d.getFileName().toString()))
                .filter(e -> !e.ok())
                .map(Extraction::displayName)
                .count();
    }
}
