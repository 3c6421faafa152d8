package cn.dataelements.contest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark, against an app started by bin/benchmark (its own data folder, Elasticsearch instance and GreenMail):
 *
 * <ol>
 *   <li>bare Tika on the workload's files in this JVM, one thread per core;
 *   <li>the same files end to end through the mailbox: the workload's mails put in by IMAP APPEND, at most a window of
 *       them waiting at a time (GreenMail keeps mail in its heap), until the ledger records each;
 *   <li>latency: single mails sent by SMTP one at a time, each timed until a search on the entries alias finds it;
 *   <li>rebuilds from the archive with the extracted texts reused, and with every file extracted again;
 *   <li>the named inputs that must pass at the app's 512 MB heap;
 * </ol>
 *
 * and prints the figures, with the app's heap (sampled) and memory (peak RSS) and the extraction children's. Arguments
 * are {@code name=value} pairs; see bin/benchmark.
 */
public final class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int WINDOW = 40;
    private static final int SINGLE_MAILS = 50;

    private final Map<String, String> args;
    private final String appUrl;
    private final String auth;
    private final long appPid;
    private final LedgerWatch ledger;
    private final Report report = new Report();

    private IntakeBenchmark(Map<String, String> args) {
        this.args = args;
        this.appUrl = args.get("app");
        this.auth = "Bearer " + args.get("adminToken");
        this.appPid = Long.parseLong(args.get("pid"));
        this.ledger = new LedgerWatch(Path.of(args.get("data")));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new IntakeBenchmark(args).run();
    }

    private BenchmarkMailbox mailbox() throws Exception {
        return new BenchmarkMailbox(
                Integer.parseInt(args.get("imap")),
                Integer.parseInt(args.get("smtp")),
                args.get("mailbox"),
                args.get("mailboxPassword"));
    }

    private void run() throws Exception {
        int entries = Integer.parseInt(args.get("entries"));
        int cores = Runtime.getRuntime().availableProcessors();
        Path root = Path.of(args.get("workload"));
        step("making the workload (" + entries + " entries, kept in " + root + " for later runs)");
        Workload work = Workload.prepare(root, "entries", 0, entries, 2024, true);
        List<Path> documents = work.documents();
        report.row("machine", cores + " cores, " + Runtime.version());
        report.row("workload", work.totals());
        report.row("files parsed (a zip's members in its place)", documents.size());

        step("bare Tika: " + documents.size() + " files in this JVM, " + cores + " threads");
        BareTika.Result bare = BareTika.run(documents, cores, 2_000_000);
        report.row(
                "bare Tika (" + cores + " threads, warm)",
                String.format(
                        "%.1f files/s (%d files, %.0f MB in %.1f s; %d readable)",
                        bare.filesPerSecond(), bare.files(), bare.bytes() / 1e6, bare.seconds(), bare.readable()));

        step("the mail server alone: " + entries + " mails appended and fetched raw, nothing else");
        double mailServer = documents.size() / mailServerAlone(work, cores);
        report.row(
                "mail server alone (APPEND, then FETCH on " + cores + " connections)",
                String.format("%.1f files/s of the same mails", mailServer));

        try (HeapSampler heap = new HeapSampler(this::heapUsedMib)) {
            step("end to end: " + entries + " mails through the mailbox");
            if (args.containsKey("profiler")) {
                profiler("start,event=wall,interval=10ms,threads");
            }
            double seconds = throughput(work);
            if (args.containsKey("profiler")) {
                profiler("stop,file=" + args.get("profile") + ",collapsed,threads");
            }
            double endToEnd = documents.size() / seconds;
            report.row(
                    "end to end through the mailbox",
                    String.format(
                            "%.1f files/s (%.1f entries/min; %d mails in %.1f s)",
                            endToEnd, entries * 60 / seconds, entries, seconds));
            report.row(
                    "end to end / bare Tika",
                    String.format("%.0f %% (target: at least 70 %%)", 100 * endToEnd / bare.filesPerSecond()));
            report.row("end to end / mail server alone", String.format("%.0f %%", 100 * endToEnd / mailServer));
            report.row("app heap, highest sample while draining", heap.peakAndReset() + " MiB (-Xmx512m)");

            step("latency: " + SINGLE_MAILS + " single mails by SMTP, one at a time");
            Workload single = Workload.prepare(root, "single", 100_000, SINGLE_MAILS, 2024, false);
            latency(single);

            int filesArchived = documents.size() + single.documents().size();
            step("rebuild from the archive, extracted texts reused");
            if (args.containsKey("profiler")) {
                profiler("start,event=wall,interval=10ms,threads");
            }
            rebuild(false, filesArchived);
            if (args.containsKey("profiler")) {
                profiler("stop,file=" + args.get("profile") + ".rebuild,collapsed,threads");
            }
            step("rebuild from the archive, every file extracted again");
            double reextractFilesPerSecond = rebuild(true, filesArchived);
            report.row(
                    "national archive estimate",
                    String.format(
                            "100,000 files / %.1f files/s = %.0f min with re-extraction (target: under 2 h)",
                            reextractFilesPerSecond, 100_000 / reextractFilesPerSecond / 60));
            heap.peakAndReset();

            step("named inputs at the app's heap");
            namedInputs(root.resolve("named"), heap);
        }
        ProcessMemory.of(appPid).ifPresent(m -> report.row("app peak RSS (VmHWM) over the run", m.peakMib() + " MiB"));
        List<ProcessMemory> children = ProcessMemory.extractionChildren(appPid);
        report.row(
                "extraction children peak RSS",
                children.isEmpty()
                        ? "none running"
                        : children.stream().map(c -> c.peakMib() + " MiB").toList() + " (-Xmx512m each)");
        report.print();
        if (args.containsKey("profile")) {
            WallProfile.print(Path.of(args.get("profile")), 10, WallProfile.INTAKE_THREADS, "intake threads");
            WallProfile.print(
                    Path.of(args.get("profile") + ".rebuild"),
                    10,
                    WallProfile.REBUILD_THREADS,
                    "rebuild threads (texts reused)");
        }
    }

    /**
     * The ceiling the mail server sets: every mail appended to a folder the app does not read, a window at a time, each
     * window fetched raw (in the app's 4 MB pieces) on {@code connections} connections and deleted. Returns the
     * seconds it took.
     */
    private double mailServerAlone(Workload work, int connections) throws Exception {
        String folder = "BenchmarkAlone";
        List<BenchmarkMailbox> readers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        try (BenchmarkMailbox writer = mailbox()) {
            for (int i = 0; i < connections; i++) {
                readers.add(mailbox());
            }
            List<Workload.Entry> entries = work.entries();
            for (int from = 0; from < entries.size(); from += WINDOW) {
                for (Workload.Entry entry : entries.subList(from, Math.min(entries.size(), from + WINDOW))) {
                    writer.append(folder, entry.mail().bytes());
                }
                List<Future<Long>> reads = new ArrayList<>();
                for (int part = 0; part < connections; part++) {
                    int p = part;
                    reads.add(pool.submit(() -> readers.get(p).fetchRaw(folder, p, connections)));
                }
                for (Future<Long> read : reads) {
                    read.get();
                }
                writer.empty(folder);
            }
        } finally {
            pool.shutdownNow();
            for (BenchmarkMailbox reader : readers) {
                reader.close();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Puts every mail in, at most a window of them waiting, and returns the seconds from the first to the last done. */
    private double throughput(Workload work) throws Exception {
        Map<String, Instant> appended = new LinkedHashMap<>();
        Map<String, LedgerWatch.Done> done = Map.of();
        int emptiedAt = 0;
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        try (BenchmarkMailbox mailbox = mailbox()) {
            List<Workload.Entry> entries = work.entries();
            int next = 0;
            while (done.size() < entries.size() && Instant.now().isBefore(deadline)) {
                while (next < entries.size() && appended.size() - done.size() < WINDOW) {
                    Workload.Mail mail = entries.get(next++).mail();
                    mailbox.append(mail.bytes());
                    appended.put(mail.messageId(), Instant.now());
                }
                Thread.sleep(200);
                done = ledger.read(appended.keySet());
                if (done.size() - emptiedAt >= WINDOW / 2) {
                    mailbox.empty("Processed");
                    emptiedAt = done.size();
                }
            }
            mailbox.empty("Processed");
        }
        long indexed = done.values().stream()
                .filter(d -> d.outcome().equals("INDEXED"))
                .count();
        report.row(
                "mails indexed / quarantined / not done",
                indexed + " / " + (done.size() - indexed) + " / " + (appended.size() - done.size()));
        Instant first = appended.values().iterator().next();
        Instant last = done.values().stream()
                .map(LedgerWatch.Done::at)
                .max(Instant::compareTo)
                .orElse(first);
        return Duration.between(first, last).toMillis() / 1000.0;
    }

    private void latency(Workload single) throws Exception {
        List<Long> millis = new ArrayList<>();
        int notFound = 0;
        try (BenchmarkMailbox mailbox = mailbox()) {
            for (Workload.Entry entry : single.entries()) {
                Workload.Mail mail = entry.mail();
                mailbox.send(mail.bytes());
                long accepted = System.nanoTime();
                if (awaitEntry(mail.messageId(), Duration.ofSeconds(60))) {
                    millis.add((System.nanoTime() - accepted) / 1_000_000);
                } else {
                    notFound++;
                }
                Thread.sleep(300);
            }
            mailbox.empty("Processed");
        }
        millis.sort(Long::compare);
        report.row(
                "single mail, SMTP accepted to found on the entries alias",
                String.format(
                        "p50 %d ms, p95 %d ms, max %d ms over %d mails%s (target: p95 at or under 1,500 ms)",
                        Report.percentile(millis, 50),
                        Report.percentile(millis, 95),
                        Report.percentile(millis, 100),
                        millis.size(),
                        notFound == 0 ? "" : ", " + notFound + " not found within 60 s"));
    }

    private boolean awaitEntry(String messageId, Duration timeout) throws Exception {
        String query = JSON.writeValueAsString(
                Map.of("size", 0, "query", Map.of("term", Map.of("submissions.reference", messageId))));
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> found = HTTP.send(
                    HttpRequest.newBuilder(URI.create(args.get("elasticsearch") + "/contest-entries/_search"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(query))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (found.statusCode() == 200
                    && JSON.readTree(found.body()).at("/hits/total/value").asLong() > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Runs a rebuild job to its end; returns the files rebuilt per second. */
    private double rebuild(boolean reextract, int files) throws Exception {
        JsonNode job = send(
                HttpRequest.newBuilder(URI.create(appUrl + "/api/admin/rebuild?reextract=" + reextract))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                202);
        String id = job.get("id").asText();
        while (job.get("state").asText().equals("RUNNING")) {
            Thread.sleep(1000);
            job = send(
                    HttpRequest.newBuilder(URI.create(appUrl + "/api/admin/rebuild/" + id))
                            .GET(),
                    200);
        }
        double seconds = Math.max(
                0.001,
                Duration.between(
                                        Instant.parse(job.get("started").asText()),
                                        Instant.parse(job.get("finished").asText()))
                                .toMillis()
                        / 1000.0);
        int submissions = job.at("/report/rebuilt").asInt();
        report.row(
                reextract ? "rebuild, every file extracted again" : "rebuild, extracted texts reused",
                String.format(
                        "%.1f s: %.1f submissions/s, %.1f files/s (%d submissions, %d failed, state %s)%s",
                        seconds,
                        submissions / seconds,
                        files / seconds,
                        submissions,
                        job.get("failed").asInt(),
                        job.get("state").asText(),
                        reextract ? "" : " (target: under 2 min for 1,200 entries)"));
        return files / seconds;
    }

    /** The inputs that must pass at the app's heap, each alone, with the highest heap sample while it went in. */
    private void namedInputs(Path dir, HeapSampler heap) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(2024);
        Path video = dir.resolve("video-200mb.bin");
        if (!Files.exists(video) || Files.size(video) != 200L * 1024 * 1024) {
            Workload.randomFile(video, 200L * 1024 * 1024, random);
        }
        Map<String, cn.dataelements.contest.support.RawMail> inputs = new LinkedHashMap<>();
        inputs.put(
                "a 200 MB attachment",
                new cn.dataelements.contest.support.RawMail("科技创新-大附件测试-作品")
                        .attach("演示视频.mp4", "video/mp4", Files.readAllBytes(video)));
        cn.dataelements.contest.support.RawMail many = new cn.dataelements.contest.support.RawMail("科技创新-多附件测试-作品");
        for (int i = 1; i <= 500; i++) {
            many.attach(
                    String.format("佐证材料-%03d.txt", i),
                    "text/plain; charset=UTF-8",
                    ("佐证材料第" + i + "份：数据来源与使用情况说明。").repeat(20).getBytes(StandardCharsets.UTF_8));
        }
        inputs.put("a mail of 500 attachments", many);
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 2000; i++) {
                out.putNextEntry(new java.util.zip.ZipEntry(String.format("数据样例/样例-%04d.txt", i)));
                out.write(("样例数据第" + i + "条，字段：时间、地点、数值。").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        inputs.put(
                "a zip of 2,000 files",
                new cn.dataelements.contest.support.RawMail("科技创新-大压缩包测试-作品")
                        .attach("数据样例.zip", "application/zip", zip.toByteArray()));
        inputs.put(
                "a document of 2 million characters",
                new cn.dataelements.contest.support.RawMail("科技创新-长文档测试-作品")
                        .attach(
                                "数据字典.txt",
                                "text/plain; charset=UTF-8",
                                "数".repeat(2_000_000).getBytes(StandardCharsets.UTF_8)));
        try (BenchmarkMailbox mailbox = mailbox()) {
            for (Map.Entry<String, cn.dataelements.contest.support.RawMail> input : inputs.entrySet()) {
                heap.peakAndReset();
                mailbox.append(input.getValue().bytes());
                Map<String, LedgerWatch.Done> done =
                        ledger.await(Set.of(input.getValue().messageId()), Duration.ofMinutes(15));
                String outcome = done.isEmpty()
                        ? "NOT DONE in 15 min"
                        : done.values().iterator().next().outcome();
                boolean up = health().contains("\"status\":\"UP\"");
                report.row(
                        "named input: " + input.getKey(),
                        outcome + ", app heap highest sample " + heap.peakAndReset() + " MiB, app "
                                + (up ? "up" : "NOT UP"));
                mailbox.empty("Processed");
            }
        }
    }

    private String health() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(appUrl + "/actuator/health"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "";
        }
    }

    private long heapUsedMib() {
        try {
            JsonNode metric = send(
                    HttpRequest.newBuilder(URI.create(appUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                            .GET(),
                    200);
            return (long) (metric.path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts or stops the wall-clock profile in the app (async-profiler, loaded by bin/benchmark --profile). */
    private void profiler(String command) throws Exception {
        Process jcmd = new ProcessBuilder(
                        "jcmd", Long.toString(appPid), "JVMTI.agent_load", args.get("profiler"), "\"" + command + "\"")
                .redirectErrorStream(true)
                .start();
        jcmd.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("the profiler refused " + command);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void step(String what) {
        System.out.println("benchmark: " + what + " (" + Instant.now() + ")");
    }
}
