package cn.dataelements.contest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The mail intake end to end against a running app (started by bin/benchmark): appends N new team submissions to the
 * mailbox, waits for the ledger to record each, then prints throughput, latency, the mailbox folders, the app's
 * memory and the time of a rebuild from the archive. Arguments: mails imapPort mailboxUser mailboxPassword appUrl
 * adminUser adminPassword ledgerDir appPid.
 */
public final class IntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String appUrl = args[4];
        String auth = "Basic "
                + Base64.getEncoder().encodeToString((args[5] + ":" + args[6]).getBytes(StandardCharsets.UTF_8));
        long appPid = Long.parseLong(args[8]);
        List<BenchmarkMails.Mail> mails = BenchmarkMails.make(count, Long.toString(System.currentTimeMillis(), 36));
        Report report = new Report();
        int imapPort = Integer.parseInt(args[1]);
        Instant start = Instant.now();
        Map<String, Instant> appended;
        try (BenchmarkMailbox mailbox = new BenchmarkMailbox(imapPort, args[2], args[3])) {
            appended = mailbox.append(mails);
        }
        Map<String, LedgerWatch.Done> done =
                new LedgerWatch(Path.of(args[7])).await(appended.keySet(), Duration.ofMinutes(30));
        if (args.length > 10) {
            stopProfiler(appPid, args[9], Path.of(args[10]));
        }
        report.intake(start, appended, done);
        // A new connection: the server may drop one left idle while the app worked.
        try (BenchmarkMailbox mailbox = new BenchmarkMailbox(imapPort, args[2], args[3])) {
            report.folders(mailbox.count("INBOX"), mailbox.count("Processed"), mailbox.count("Quarantine"));
        }
        report.memory(ProcessMemory.of(appPid), heapUsedMib(appUrl, auth), ProcessMemory.extractionChildren(appPid));
        Instant rebuildStart = Instant.now();
        JsonNode rebuilt = post(appUrl + "/api/admin/rebuild", auth);
        report.rebuild(Duration.between(rebuildStart, Instant.now()), rebuilt);
        report.print();
    }

    /** Ends the wall-clock profile started by bin/benchmark, writes it, and prints where the intake's time went. */
    private static void stopProfiler(long appPid, String library, Path collapsed) throws Exception {
        Process jcmd = new ProcessBuilder(
                        "jcmd",
                        Long.toString(appPid),
                        "JVMTI.agent_load",
                        library,
                        "\"stop,file=" + collapsed + ",collapsed,threads\"")
                .redirectErrorStream(true)
                .start();
        jcmd.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (jcmd.waitFor() != 0 || !java.nio.file.Files.exists(collapsed)) {
            throw new IllegalStateException("the profiler wrote no " + collapsed);
        }
        WallProfile.main(new String[] {collapsed.toString(), "10"});
    }

    private static long heapUsedMib(String appUrl, String auth) throws Exception {
        JsonNode metric = get(appUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap", auth);
        return (long) (metric.path("measurements").get(0).path("value").asDouble() / (1024 * 1024));
    }

    private static JsonNode get(String url, String auth) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .GET()
                .build());
    }

    private static JsonNode post(String url, String auth) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
