package cn.dataelements.contest.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an entry to a file while counting: the count, not any size the archive declares, decides when to stop.
 * Stopping leaves the partial file for the caller to delete.
 */
final class BoundedCopy {

    private static final int BUFFER = 64 * 1024;

    record Outcome(long bytes, String sha256, boolean cutOff) {}

    private BoundedCopy() {}

    /** Copies at most {@code maxBytes}; {@code cutOff} is true if the entry holds more. Never closes {@code in}. */
    static Outcome copy(InputStream in, Path target, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (written + n > maxBytes) {
                    return new Outcome(written, "", true);
                }
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                written += n;
            }
        }
        return new Outcome(written, HexFormat.of().formatHex(sha.digest()), false);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
