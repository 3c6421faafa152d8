package cn.dataelements.contest.review;

import cn.dataelements.contest.system.storage.KeptFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed paper score sheets behind 代录: kept by sha-256 under {@code review/scans/}, named on the scores entered
 * from them, and served to organizers and the committee to check a 代录 against its paper.
 */
@Component
public class ProxyScans {

    /** A scan as kept. */
    public record Scan(String sha256, String name) {}

    private final Path dir;
    private final JdbcClient db;

    ProxyScans(ReviewProperties properties, JdbcClient db) {
        this.dir = properties.dir().toAbsolutePath().resolve("scans");
        this.db = db;
    }

    /**
     * Keeps an uploaded scan.
     *
     * @throws ReviewException when it is empty or not a PDF or an image
     */
    public Scan keep(String name, byte[] bytes) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (bytes == null || bytes.length == 0 || !lower.matches(".*\\.(pdf|jpe?g|png|tiff?)")) {
            throw new ReviewException("代录须上传评审专家签字的纸质评分表扫描件（PDF、JPG、PNG 或 TIFF）。");
        }
        try {
            return new Scan(KeptFiles.keep(dir, bytes, ""), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the scan in " + dir, e);
        }
    }

    /** A scan some score of the round names, with its name as uploaded. */
    public Optional<Scan> of(String round, String sha256) {
        return db.sql(
                        "select proxy_scan, proxy_scan_name from review_scores where round = ? and proxy_scan = ? limit 1")
                .params(round, sha256)
                .query((rs, n) -> new Scan(rs.getString("proxy_scan"), rs.getString("proxy_scan_name")))
                .optional()
                .filter(scan -> Files.isRegularFile(dir.resolve(scan.sha256())));
    }

    public Path file(Scan scan) {
        return dir.resolve(scan.sha256());
    }
}
