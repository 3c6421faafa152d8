package cn.dataelements.contest.bench;

import cn.dataelements.contest.extraction.InProcessParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bare Tika: the workload's files (a zip's members in its place) parsed in this JVM with the extraction child's parser
 * and settings, one thread per core, after a warm-up pass over some of them. The ceiling for the intake's throughput.
 */
final class BareTika {

    /** Files parsed, of which readable, and how long it took. */
    record Result(int files, int readable, long bytes, double seconds) {

        double filesPerSecond() {
            return files / seconds;
        }
    }

    private BareTika() {}

    static Result run(List<Path> files, int threads, int maxTextChars) throws Exception {
        parseAll(files.subList(0, Math.min(files.size(), 50)), threads, maxTextChars);
        long started = System.nanoTime();
        int readable = parseAll(files, threads, maxTextChars);
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        for (Path file : files) {
            bytes += java.nio.file.Files.size(file);
        }
        return new Result(files.size(), readable, bytes, seconds);
    }

    private static int parseAll(List<Path> files, int threads, int maxTextChars) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger readable = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    InProcessParser parser = new InProcessParser(maxTextChars);
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        Path file = files.get(i);
                        if (parser.parse(file, file.getFileName().toString()).isEmpty()) {
                            readable.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return readable.get();
    }
}
