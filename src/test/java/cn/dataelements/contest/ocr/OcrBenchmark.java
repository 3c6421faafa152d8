package cn.dataelements.contest.ocr;

import cn.dataelements.contest.support.ScanImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * OCR's speed on this machine (bin/benchmark's OCR section): scanned pages made like the tests' (a licence's lines in
 * the WenQuanYi font, as an image-only PDF page at 300 dpi), read by {@link OcrEngine} with one worker, as the app
 * runs it, and with one worker per core. Prints pages per minute and the time per page.
 */
public final class OcrBenchmark {

    private OcrBenchmark() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int pages = Integer.parseInt(args.getOrDefault("pages", "20"));
        OcrEngine engine = new OcrEngine(
                new OcrProperties(true, "chi_sim+eng", 300, Duration.ofMinutes(2), 50, Duration.ofSeconds(2)));
        if (!engine.available()) {
            System.out.println("ocr: Tesseract is not installed (bin/setup installs it); no figures");
            return;
        }
        Path dir = Files.createTempDirectory("ocr-bench-");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            files.add(Files.write(
                    dir.resolve("scan-" + i + ".pdf"),
                    ScanImages.scannedPdf(List.of(
                            "营业执照（副本）第 " + (i + 1) + " 页",
                            "名称：威海海悦橡胶科技有限公司",
                            "统一社会信用代码：913710033340182272",
                            "住所：山东省威海市环翠区海滨北路 " + (i + 1) + " 号"))));
        }
        engine.read(files.get(0), "application/pdf"); // warm: Tesseract's language data in the page cache
        int cores = Runtime.getRuntime().availableProcessors();
        for (int workers : List.of(1, cores)) {
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Path file : files) {
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    engine.read(file, "application/pdf");
                    millis.add((System.nanoTime() - t) / 1_000_000);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.printf(
                    "ocr: %d scanned pages (300 dpi, chi_sim+eng), %d worker(s): %.1f pages/min, per page p50 %d ms,"
                            + " p95 %d ms%n",
                    pages,
                    workers,
                    pages / seconds * 60,
                    sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)));
        }
    }
}
