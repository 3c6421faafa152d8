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
 * classes alone. Tests make it misbehave: a slow page, a page that stalls mid-body, a request held until released, an
 * expired signature (403), a file it does not have (404) or cannot serve (5xx), and a login it requires, as gateways
 * ask for them: a bearer token, an API key in a header or a query parameter, an appKey/appSecret signature, or an
 * OAuth2 client-credentials token from its {@code /oauth/token}.
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
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failingFiles = new ConcurrentHashMap<>();
    private volatile Login login = Login.NONE;
    private volatile long stallNextListingMillis;
    private final java.util.Queue<Integer> nextListingFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

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
        server.createContext("/oauth/token", this::token);
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
        failingFiles.remove(name);
    }

    /**
     * The next download of this file answers 403, as an expired signed link does, and so does every later one with
     * the same signature; each listing signs its links anew ({@code {sig}} in a record is replaced), so a link read
     * again from the listing works.
     */
    public void expireNextLinkOf(String fileName) {
        expireOnce.add(fileName);
    }

    /** How the listing wants its callers to log in. */
    private record Login(String kind, String name, String key, String secret) {
        static final Login NONE = new Login("none", "", "", "");
    }

    /** The listing wants this bearer token. */
    public void requireToken(String token) {
        this.login = new Login("token", "Authorization", token, "");
    }

    /** The listing wants this API key in this header. */
    public void requireHeaderKey(String header, String key) {
        this.login = new Login("header", header, key, "");
    }

    /** The listing wants this API key in this query parameter. */
    public void requireQueryKey(String param, String key) {
        this.login = new Login("query", param, key, "");
    }

    /**
     * The listing wants the default appKey/appSecret signature (X-App-Key, X-Timestamp, X-Nonce and X-Signature, the
     * base64 HMAC-SHA256 of METHOD\nPATH\nSORTED_QUERY\nTIMESTAMP\nNONCE), a timestamp within five minutes and a
     * nonce never seen before.
     */
    public void requireSignature(String appKey, String appSecret) {
        this.login = new Login("signature", appKey, "", appSecret);
    }

    /**
     * The listing wants a bearer token from {@code /oauth/token}, issued for the client credentials (HTTP basic, RFC
     * 6749 2.3.1) with {@code expires_in} of an hour.
     */
    public void requireOAuth2(String clientId, String clientSecret) {
        this.login = new Login("oauth2", clientId, "", clientSecret);
    }

    /** Every token issued so far is refused from now on, as after a gateway restart: 401 until a new one is asked. */
    public void revokeTokens() {
        validTokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * The next listing requests fail, one answer each in order: an HTTP status (408, 503, ...), or 0 for a connection
     * closed without any answer.
     */
    public void failNextListings(int... answers) {
        for (int answer : answers) {
            nextListingFailures.add(answer);
        }
    }

    /** The next listing page sends its first bytes, then nothing for this long. */
    public void stallNextListing(long millis) {
        stallNextListingMillis = millis;
    }

    /** This file answers with this status (a 5xx: the portal cannot serve it now) until it is given again. */
    public void failFile(String name, int status) {
        failingFiles.put(name, status);
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
            Integer failure = nextListingFailures.poll();
            if (failure != null) {
                if (failure > 0) {
                    send(exchange, failure, "text/plain", "not now".getBytes(StandardCharsets.UTF_8));
                }
                return; // 0: the connection closes without an answer
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
            long stall = stallNextListingMillis;
            if (stall > 0) {
                stallNextListingMillis = 0;
                sendStalling(exchange, body.getBytes(StandardCharsets.UTF_8), stall);
                return;
            }
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
            Integer failing = failingFiles.get(name);
            if (failing != null) {
                send(exchange, failing, "text/plain", "cannot serve it now".getBytes(StandardCharsets.UTF_8));
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
        Login wanted = login;
        boolean ok = switch (wanted.kind()) {
            case "none" -> true;
            case "token" ->
                ("Bearer " + wanted.key()).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            case "header" -> wanted.key().equals(exchange.getRequestHeaders().getFirst(wanted.name()));
            case "query" ->
                wanted.key()
                        .equals(query(exchange.getRequestURI().getRawQuery()).get(wanted.name()));
            case "signature" -> signed(exchange, wanted);
            case "oauth2" -> {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                yield header != null && header.startsWith("Bearer ") && validTokens.contains(header.substring(7));
            }
            default -> false;
        };
        if (!ok) {
            send(exchange, 401, "application/json", "{\"code\":401}".getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }

    /** The default signature, checked as a gateway does: the key, a fresh timestamp, an unused nonce, the HMAC. */
    private boolean signed(HttpExchange exchange, Login wanted) {
        var headers = exchange.getRequestHeaders();
        String timestamp = String.valueOf(headers.getFirst("X-Timestamp"));
        String nonce = String.valueOf(headers.getFirst("X-Nonce"));
        if (!wanted.name().equals(headers.getFirst("X-App-Key"))
                || !timestamp.matches("[0-9]{13}")
                || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 300_000
                || !nonces.add(nonce)) {
            return false;
        }
        String raw = exchange.getRequestURI().getRawQuery();
        List<String> pairs = new ArrayList<>(raw == null ? List.of() : List.of(raw.split("&")));
        pairs.sort(Comparator.comparing((String p) -> p.substring(0, Math.max(0, p.indexOf('='))))
                .thenComparing(Comparator.naturalOrder()));
        String toSign =
                exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n"
                        + String.join("&", pairs) + "\n" + timestamp + "\n" + nonce;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    wanted.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected =
                    java.util.Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(headers.getFirst("X-Signature"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token endpoint: client credentials in HTTP basic, a new token for an hour. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Login wanted = login;
            String basic = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((wanted.name() + ":" + wanted.secret()).getBytes(StandardCharsets.UTF_8));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"oauth2".equals(wanted.kind())
                    || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || !body.contains("grant_type=client_credentials")) {
                send(
                        exchange,
                        401,
                        "application/json",
                        "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String token = "tok-" + tokensIssued.incrementAndGet() + "-" + java.util.UUID.randomUUID();
            validTokens.add(token);
            send(
                    exchange,
                    200,
                    "application/json",
                    ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sends the headers and the first bytes of a body, then nothing for a while: a body that stalls. */
    private static void sendStalling(HttpExchange exchange, byte[] body, long millis) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, 0, Math.min(10, body.length));
            out.flush();
            Thread.sleep(millis);
            out.write(body, Math.min(10, body.length), body.length - Math.min(10, body.length));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up on the stalled body
        }
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
