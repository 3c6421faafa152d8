package cn.dataelements.contest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local stand-in for the open-data portal's contest entrance, speaking the protocol that
 * {@code mappings/contest-portal.mapping.yaml} maps: {@code GET /api/contest/registrations?pageNo&pageSize
 * &updatedSince} answers {@code {"code":0,"data":{"total":n,"records":[...]}}} in (updateTime, regId) order, and
 * {@code GET /files/<name>?sig=..} serves a record's files. JDK only, so {@code bin/run-local} runs it from the test
 * classes alone. Tests make it misbehave: a slow page, a request held until released, an expired signature (403), a file
 * it does not have (404), a login it requires.
 */
public final class PortalStandIn implements AutoCloseable {

    private static final Pattern REG_ID = Pattern.compile("\"regId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updateTime\"\\s*:\\s*\"([^\"]*)\"");

    private record Registration(String id, String updated, String json) {}

    private final HttpServer server;
    private final Map<String, Registration> records = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Set<String> expireOnce = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> slowPages = new ConcurrentHashMap<>();
    private final Map<Integer, CountDownLatch> heldRequests = new ConcurrentHashMap<>();
    private final Map<Integer, CountDownLatch> requested = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger listings = new AtomicInteger();
    private volatile String token = "";

    public PortalStandIn() throws IOException {
        this(0);
    }

    public PortalStandIn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "portal-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/contest/registrations", this::listing);
        server.createContext("/files/", this::file);
        server.start();
    }

    /** Serves {@code <dir>/registrations/*.json} and {@code <dir>/files/*} on a port, until killed. */
    public static void main(String[] args) throws IOException {
        PortalStandIn portal = new PortalStandIn(Integer.parseInt(args[0]));
        Path dir = Path.of(args[1]);
        try (Stream<Path> list = Files.list(dir.resolve("registrations"))) {
            for (Path record : list.sorted().toList()) {
                portal.put(Files.readString(record));
            }
        }
        try (Stream<Path> list = Files.list(dir.resolve("files"))) {
            for (Path file : list.toList()) {
                portal.file(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        System.out.println("portal stand-in: " + portal.records.size() + " registrations on " + portal.baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a registration, or replaces the one of the same regId (its updateTime should then be later). */
    public void put(String json) {
        records.put(field(REG_ID, json), new Registration(field(REG_ID, json), field(UPDATED, json), json));
    }

    public void remove(String regId) {
        records.remove(regId);
    }

    public void file(String name, byte[] bytes) {
        files.put(name, bytes);
    }

    /**
     * The next download of this file answers 403, as an expired signed link does, and so does every later one with
     * the same signature; each listing signs its links anew ({@code {sig}} in a record is replaced), so a link read
     * again from the listing works.
     */
    public void expireNextLinkOf(String fileName) {
        expireOnce.add(fileName);
    }

    public void requireToken(String token) {
        this.token = token;
    }

    /** The next request for this page takes this long to answer. */
    public void slowPage(int page, long millis) {
        slowPages.put(page, millis);
    }

    /**
     * Holds the listing request of this number (1 for the first one this stand-in is asked, whatever its page) until
     * the returned latch is counted down: a poll's second page, however the poll asks for it.
     */
    public CountDownLatch holdRequest(int number) {
        CountDownLatch release = new CountDownLatch(1);
        heldRequests.put(number, release);
        return release;
    }

    /** Waits until the listing request of this number was made. */
    public boolean awaitRequest(int number, long seconds) throws InterruptedException {
        return requested.computeIfAbsent(number, p -> new CountDownLatch(1)).await(seconds, TimeUnit.SECONDS);
    }

    public int listingsServed() {
        return listings.get();
    }

    private void listing(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int page = Integer.parseInt(query.getOrDefault("pageNo", "1"));
            int size = Integer.parseInt(query.getOrDefault("pageSize", "20"));
            String since = query.getOrDefault("updatedSince", "");
            int request = requests.incrementAndGet();
            requested.computeIfAbsent(request, p -> new CountDownLatch(1)).countDown();
            CountDownLatch held = heldRequests.get(request);
            if (held != null) {
                held.await(10, TimeUnit.MINUTES);
            }
            Long slow = slowPages.remove(page);
            if (slow != null) {
                Thread.sleep(slow);
            }
            String signature = "L" + listings.incrementAndGet();
            List<Registration> all = new ArrayList<>(records.values().stream()
                    .filter(r -> r.updated().compareTo(since) >= 0)
                    .sorted(Comparator.comparing(Registration::updated).thenComparing(Registration::id))
                    .toList());
            List<String> onPage = all.stream()
                    .skip((long) (page - 1) * size)
                    .limit(size)
                    .map(r -> r.json().replace("{sig}", signature))
                    .toList();
            String body = "{\"code\":0,\"msg\":\"成功\",\"data\":{\"total\":" + all.size() + ",\"pageNo\":" + page
                    + ",\"records\":[" + String.join(",", onPage) + "]}}";
            send(exchange, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().substring("/files/".length()), StandardCharsets.UTF_8);
            String signature = query(exchange.getRequestURI().getRawQuery()).getOrDefault("sig", "");
            if (expireOnce.remove(name)) {
                expired.add(signature);
            }
            if (expired.contains(signature)) {
                send(exchange, 403, "text/plain", "link expired".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] bytes = files.get(name);
            if (bytes == null) {
                send(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "application/octet-stream", bytes);
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (token.isEmpty()
                || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        send(exchange, 401, "application/json", "{\"code\":401}".getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String field(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalArgumentException("A registration needs " + pattern.pattern() + ": " + json);
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        heldRequests.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
