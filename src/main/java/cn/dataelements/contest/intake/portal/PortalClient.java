package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.SourceUnavailableException;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.records.SourceTimes;
import cn.dataelements.contest.intake.source.BoundedBody;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Speaks to a portal: reads its listing page by page (page numbers or a cursor, as the mapping says) and downloads a
 * record's files, only from the allowed hosts, with the route's login on requests to the portal itself. A page that
 * answers 5xx, 429 or 408, times out, resets its connection or stalls for longer than the timeout is asked again with
 * backoff; what still fails is a {@link SourceUnavailableException}, which leaves the poll (or the item) to be tried
 * again. A 401 renews a login that can be renewed, once.
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
    /** The largest listing page read; a larger one fails the poll. */
    static final long MAX_PAGE_BYTES = 64L << 20;

    private final URI base;
    private final SourceMapping.Listing listing;
    private final PortalLogin login;
    private final Set<String> hosts;
    private final Duration timeout;
    private final Duration backoff;
    private final HttpClient http;
    private final ObjectMapper json;

    PortalClient(
            URI base,
            SourceMapping.Listing listing,
            PortalLogin login,
            Set<String> hosts,
            Duration timeout,
            Duration backoff,
            HttpClient http,
            ObjectMapper json) {
        this.base = base;
        this.listing = listing;
        this.login = login;
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.timeout = timeout;
        this.backoff = backoff;
        this.json = json;
        this.http = http;
    }

    /** The HTTP client of a portal route: no redirect is followed. */
    static HttpClient http(Duration timeout) {
        return HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
            throw new PortalFormatException(
                    "The listing " + PortalLogin.shown(uri) + " has no list at " + listing.items());
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

    /** A page of the listing, asked again with backoff while the portal cannot answer it. */
    private JsonNode getJson(URI uri) throws IOException, InterruptedException {
        SourceUnavailableException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try {
                ByteArrayOutputStream page = new ByteArrayOutputStream();
                fetch(uri, "application/json", page, MAX_PAGE_BYTES, "the listing page " + PortalLogin.shown(uri));
                return json.readTree(page.toByteArray());
            } catch (SourceUnavailableException e) {
                last = e;
            } catch (RefusedDownload e) {
                throw new IOException(
                        "The portal refused the listing " + PortalLogin.shown(uri) + ": " + e.getMessage());
            }
            if (attempt < TRIES) {
                Thread.sleep(backoff.multipliedBy(1L << (attempt - 1)).toMillis());
            }
        }
        throw last;
    }

    /**
     * Downloads a file into a folder, only from an allowed host. Throws {@link RefusedDownload} when the portal refuses
     * it or does not have it (a 3xx or 4xx other than 408 and 429, or a file over the size limit), and a
     * {@link SourceUnavailableException} when it may work later (5xx, 408, 429, a timeout, a reset, a body that stalls
     * for longer than the timeout).
     */
    Download download(URI uri, Path into) throws IOException, InterruptedException {
        if (!allowed(uri)) {
            throw new RefusedDownload(0, "The link " + PortalLogin.shown(uri) + " is not on an allowed host " + hosts);
        }
        MessageDigest sha = Sha256.digest();
        Path file = Files.createTempFile(into, "download-", ".part");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            long size = fetch(uri, "*/*", out, MAX_FILE_BYTES, "the file " + PortalLogin.shown(uri));
            return new Download(file, Sha256.hex(sha), size);
        }
    }

    /**
     * One GET, its body copied under the stall guard and size limit; a 401 from the portal renews its login once.
     * Refusals are {@link RefusedDownload}; what may work later is a {@link SourceUnavailableException}.
     */
    private long fetch(URI uri, String accept, OutputStream out, long maxBytes, String what)
            throws IOException, InterruptedException {
        for (boolean renewed = false; ; renewed = true) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(uri, accept), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new SourceUnavailableException(what + " could not be asked for: " + e, e);
            }
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 200) {
                    return BoundedBody.copy(body, out, maxBytes, timeout, what);
                }
                if (status == 401 && !renewed && sameOrigin(uri) && login.renew()) {
                    continue;
                }
                if (status >= 500 || status == 429 || status == 408) {
                    throw new SourceUnavailableException("The portal answered " + status + " for " + what);
                }
                throw new RefusedDownload(status, "The portal answered " + status + " for " + what);
            } catch (BoundedBody.TooLargeException e) {
                throw new RefusedDownload(413, e.getMessage());
            }
        }
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
        return PortalLogin.shown(uri);
    }

    /** The request; the login goes to the portal itself only, never to a file host. */
    private HttpRequest request(URI uri, String accept) throws IOException, InterruptedException {
        boolean portal = sameOrigin(uri);
        URI address = portal ? login.address(uri) : uri;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(address).timeout(timeout).GET().header("Accept", accept);
        if (portal) {
            login.sign(request, address, "GET");
        }
        return request.build();
    }

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
