package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Speaks to a portal: reads its listing page by page (page numbers or a cursor, as the mapping says) and downloads a
 * record's files, only from the allowed hosts, with the route's token or basic login. A page that answers 5xx or times
 * out is asked again with backoff; what still fails is an {@link IOException}, which leaves the poll (or the item) to
 * be tried again.
 */
class PortalClient {

    /** One page of the listing: its records, and how to ask for the next one (null at the end). */
    record Page(List<JsonNode> records, Map<String, String> next) {}

    /** A download that the portal refused or did not have: 403 (an expired link), 404, 410. */
    static class RefusedDownload extends IOException {
        final int status;

        RefusedDownload(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A downloaded file. */
    record Download(Path file, String sha256, long size) {}

    private static final int TRIES = 3;
    /** The largest file a record may bring; a larger one is a problem on the submission, not a download. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "portal-download-watchdog");
                thread.setDaemon(true);
                return thread;
            });

    private final URI base;
    private final SourceMapping.Listing listing;
    private final String authorization;
    private final Set<String> hosts;
    private final Duration timeout;
    private final Duration backoff;
    private final HttpClient http;
    private final ObjectMapper json;

    PortalClient(
            URI base,
            SourceMapping.Listing listing,
            String authorization,
            Set<String> hosts,
            Duration timeout,
            Duration backoff,
            ObjectMapper json) {
        this.base = base;
        this.listing = listing;
        this.authorization = authorization;
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.timeout = timeout;
        this.backoff = backoff;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The Authorization header of a route's login: a bearer token, basic, or none. */
    static String authorization(String type, String username, String credential) {
        return switch (type) {
            case "token" -> "Bearer " + credential;
            case "basic" ->
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + credential).getBytes(StandardCharsets.UTF_8));
            default -> "";
        };
    }

    /** The first page of the records changed since a time (all records when null). */
    Page first(Instant since) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        if (since != null && listing.updatedSinceParam() != null) {
            query.put(listing.updatedSinceParam(), format(since));
        }
        if (listing.byCursor()) {
            return page(query);
        }
        query.put(listing.pageParam(), String.valueOf(listing.first()));
        return page(query);
    }

    /** The page after this one, or null after the last. */
    Page next(Page page) throws IOException, InterruptedException {
        return page.next() == null ? null : page(page.next());
    }

    private Page page(Map<String, String> query) throws IOException, InterruptedException {
        Map<String, String> asked = new LinkedHashMap<>(query);
        if (listing.sizeParam() != null) {
            asked.put(listing.sizeParam(), String.valueOf(listing.size()));
        }
        URI uri = base.resolve(listing.path().substring(1) + "?" + encode(asked));
        JsonNode body = getJson(uri);
        JsonNode items = JsonPaths.at(body, listing.items());
        if (!items.isArray()) {
            throw new PortalFormatException("The listing " + uri + " has no list at " + listing.items());
        }
        List<JsonNode> records = new ArrayList<>();
        items.forEach(records::add);
        Map<String, String> next = null;
        if (listing.byCursor()) {
            String cursor = JsonPaths.text(body, listing.nextCursor());
            if (!cursor.isEmpty() && !records.isEmpty()) {
                next = new LinkedHashMap<>(query);
                next.put(listing.cursorParam(), cursor);
            }
        } else if (records.size() >= listing.size()) {
            next = new LinkedHashMap<>(query);
            next.put(listing.pageParam(), String.valueOf(Integer.parseInt(query.get(listing.pageParam())) + 1));
        }
        return new Page(records, next);
    }

    private JsonNode getJson(URI uri) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status == 200) {
                        return json.readTree(body);
                    }
                    IOException failed = new IOException("The portal answered " + status + " for " + uri);
                    if (status < 500 && status != 429) {
                        throw failed;
                    }
                    last = failed;
                }
            } catch (java.net.http.HttpTimeoutException | java.net.ConnectException e) {
                last = e;
            }
            if (attempt < TRIES) {
                Thread.sleep(backoff.multipliedBy(1L << (attempt - 1)).toMillis());
            }
        }
        throw last;
    }

    /**
     * Downloads a file into a folder, only from an allowed host. Throws {@link RefusedDownload} when the portal refuses
     * it or does not have it (a 3xx or 4xx other than 408 and 429, or a file over the size limit), and an
     * {@link IOException} when it may work later (5xx, 408, 429, a timeout, a body that stalls for longer than the
     * timeout).
     */
    Download download(URI uri, Path into) throws IOException, InterruptedException {
        if (!allowed(uri)) {
            throw new RefusedDownload(0, "The link " + withoutQuery(uri) + " is not on an allowed host " + hosts);
        }
        HttpResponse<InputStream> response = http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 300 && status < 500 && status != 408 && status != 429) {
                throw new RefusedDownload(status, "The portal answered " + status + " for " + withoutQuery(uri));
            }
            if (status != 200) {
                throw new IOException("The portal answered " + status + " for " + withoutQuery(uri));
            }
            MessageDigest sha = Sha256.digest();
            Path file = Files.createTempFile(into, "download-", ".part");
            long size = copy(new DigestInputStream(body, sha), file, uri);
            return new Download(file, Sha256.hex(sha), size);
        }
    }

    /** Copies a body, closing it when it stalls for longer than the timeout or grows over the limit. */
    private long copy(InputStream body, Path file, URI uri) throws IOException {
        java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - progress.get() > timeout.toNanos()) {
                        try {
                            body.close();
                        } catch (IOException e) {
                            // closing is all the watchdog can do
                        }
                    }
                },
                1,
                1,
                java.util.concurrent.TimeUnit.SECONDS);
        long size = 0;
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                size += n;
                if (size > MAX_FILE_BYTES) {
                    throw new RefusedDownload(
                            413, "The file " + withoutQuery(uri) + " is over " + MAX_FILE_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
                progress.set(System.nanoTime());
            }
        } catch (IOException e) {
            if (e instanceof RefusedDownload) {
                throw e;
            }
            throw new IOException("The download of " + withoutQuery(uri) + " failed or stalled: " + e.getMessage(), e);
        } finally {
            watchdog.cancel(false);
        }
        return size;
    }

    /** A link as the record gives it, resolved against the portal's address. */
    URI resolve(String link) {
        return base.resolve(link.strip().replace(" ", "%20"));
    }

    /** An http(s) link to an allowed host, and https when the portal is: a login never goes in clear text. */
    boolean allowed(URI uri) {
        return uri.getHost() != null
                && ("https".equals(uri.getScheme())
                        || "http".equals(uri.getScheme()) && "http".equals(base.getScheme()))
                && uri.getUserInfo() == null
                && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** A link without its query (where signatures and tokens are): what is shown and kept. */
    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (!authorization.isEmpty() && sameOrigin(uri)) {
            request.header("Authorization", authorization);
        }
        return request.header("Accept", "application/json, */*").build();
    }

    /** The login goes to the portal itself only, never to a file host. */
    private boolean sameOrigin(URI uri) {
        return base.getScheme().equals(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort();
    }

    private String format(Instant since) {
        return switch (listing.timeFormat()) {
            case "iso" -> since.toString();
            case "epoch-millis" -> String.valueOf(since.toEpochMilli());
            default ->
                DateTimeFormatter.ofPattern(listing.timeFormat())
                        .withZone(SourceTimes.BEIJING)
                        .format(since);
        };
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
