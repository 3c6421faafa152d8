package cn.dataelements.contest.system.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Files kept as received, named by their sha-256 (score sheets, evidence): written to a temporary file, fsynced and
 * moved into place, so a crash leaves either the whole file or none. The same bytes are kept once.
 */
public final class KeptFiles {

    private KeptFiles() {}

    /**
     * Keeps the bytes in {@code dir} as {@code <sha256><suffix>} and answers the sha-256.
     *
     * @param suffix e.g. {@code .xlsx}, or empty
     */
    public static String keep(Path dir, byte[] bytes, String suffix) throws IOException {
        MessageDigest sha = Sha256.digest();
        sha.update(bytes);
        String hex = Sha256.hex(sha);
        Path kept = dir.resolve(hex + suffix);
        if (!Files.exists(kept)) {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, hex, ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(bytes);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, kept, StandardCopyOption.ATOMIC_MOVE);
            // the move itself is durable only once the folder is
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        }
        return hex;
    }
}
