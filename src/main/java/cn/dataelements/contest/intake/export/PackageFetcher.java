package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.intake.SourceUnavailableException;
import cn.dataelements.contest.intake.source.BoundedBody;
import cn.dataelements.contest.system.storage.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an export package from a configured URL into the drop folder, where it is then taken like a dropped one: a
 * zip written under a temporary name, then moved into place with its done-marker beside it. The same bytes as the last
 * fetch are not dropped again (their sha-256 is kept in the drop folder's done/), and the server is asked with the
 * last answer's ETag and time, so an unchanged package need not come at all. The token goes as a bearer token; no
 * redirect is followed. A body that stalls for longer than the timeout, or grows over the size cap of a portal's file,
 * fails the fetch with the reason (health shows it), and the dropped packages are taken all the same.
 */
class PackageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PackageFetcher.class);
    /** The largest package fetched, as for a portal's file; a larger one fails the poll with the reason. */
    static final long MAX_PACKAGE_BYTES = 1L << 30;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private volatile String etag;
    private volatile String lastModified;

    PackageFetcher(URI url, String token, Duration timeout, Clock clock) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches once; true when a new package was dropped. Throws when the URL cannot be read (health says why). */
    boolean fetchInto(Path drop) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (!token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SourceUnavailableException("The export URL " + url + " could not be asked: " + e, e);
        }
        Path part = null;
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 204 || status == 304 || status == 404) {
                return false;
            }
            if (status >= 500 || status == 429 || status == 408) {
                throw new SourceUnavailableException("The export URL " + url + " answered " + status);
            }
            if (status != 200) {
                throw new IOException("The export URL " + url + " answered " + status);
            }
            part = Files.createTempFile(drop, ".fetch-", ".part");
            MessageDigest sha = Sha256.digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                BoundedBody.copy(body, out, MAX_PACKAGE_BYTES, timeout, "the export package at " + url);
            }
            String hex = Sha256.hex(sha);
            etag = response.headers().firstValue("ETag").orElse(null);
            lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            Path last = Files.createDirectories(drop.resolve(ExportSource.DONE)).resolve(".last-fetched");
            if (Files.exists(last)
                    && Files.readString(last, StandardCharsets.UTF_8).strip().equals(hex)) {
                return false;
            }
            String name = "fetched-" + LocalDateTime.now(clock).format(STAMP) + ".zip";
            Files.move(part, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(drop.resolve(name + ".done"), "");
            Files.writeString(last, hex, StandardCharsets.UTF_8);
            log.info("Export package fetched from {} into {} ({} bytes)", url, name, Files.size(drop.resolve(name)));
            return true;
        } finally {
            if (part != null) {
                Files.deleteIfExists(part);
            }
        }
    }
}
