package cn.dataelements.contest.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The content-addressed archive of everything received, written before anything is parsed: raw bytes under their
 * sha-256, fsynced, with a JSON sidecar of the first receipt. Everything else (index, entries) can be rebuilt from it.
 */
@Component
public class SubmissionArchive {

    private final Path root;
    private final ObjectMapper json;

    public SubmissionArchive(ArchiveProperties properties, ObjectMapper json) {
        this.root = properties.dir().toAbsolutePath();
        this.json = json;
    }

    /** Writes raw bytes to an output stream: a channel's way of handing over an item without loading it whole. */
    @FunctionalInterface
    public interface RawSource {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Archives the bytes of a stream; the same bytes twice are stored once. */
    public ArchivedSubmission store(InputStream raw, ReceivedFacts facts) throws IOException {
        return store(raw::transferTo, facts);
    }

    /** Streams the raw bytes into the archive; the same bytes twice are stored once. */
    public ArchivedSubmission store(RawSource raw, ReceivedFacts facts) throws IOException {
        MessageDigest sha = sha256();
        Path temp = receive(raw, sha);
        try {
            String id = HexFormat.of().formatHex(sha.digest());
            place(temp, id);
            return recorded(id, facts);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Archives an item under an id of the channel's own (a structured registration's identity, see
     * {@code RecordBundle}): bytes already archived under that id are not written again, and the first receipt's facts
     * stay.
     */
    public ArchivedSubmission store(RawSource raw, ReceivedFacts facts, String id) throws IOException {
        if (!Files.exists(rawFile(id))) {
            Path temp = receive(raw, null);
            try {
                place(temp, id);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return recorded(id, facts);
    }

    /** The item's bytes in a fsynced temporary file, digested on the way when a digest is given. */
    private Path receive(RawSource raw, MessageDigest sha) throws IOException {
        Files.createDirectories(root.resolve("incoming"));
        Path temp = Files.createTempFile(root.resolve("incoming"), "recv-", ".part");
        try (OutputStream out =
                sha == null ? Files.newOutputStream(temp) : new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            raw.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw new IOException("Could not read the item from its channel", e);
        }
        try {
            fsync(temp);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private void place(Path temp, String id) throws IOException {
        Path file = rawFile(id);
        Files.createDirectories(file.getParent());
        moveIntoPlace(temp, file);
    }

    /** The archived item, its first receipt's facts kept once and its folder fsynced. */
    private ArchivedSubmission recorded(String id, ReceivedFacts facts) throws IOException {
        Path file = rawFile(id);
        ReceivedFacts first = writeSidecarOnce(id, facts);
        fsync(file.getParent());
        return new ArchivedSubmission(id, file, Files.size(file), first, facts);
    }

    /** The archived raw bytes of a submission, if it is archived. */
    public Optional<Path> find(String id) {
        Path file = rawFile(id);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /** An archived submission with the facts of its first receipt, if it is archived. */
    public Optional<ArchivedSubmission> get(String id) throws IOException {
        if (!id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path raw = rawFile(id);
        Path sidecar = sidecarFile(id);
        if (!Files.exists(raw) || !Files.exists(sidecar)) {
            return Optional.empty();
        }
        ReceivedFacts first = json.readValue(sidecar.toFile(), ReceivedFacts.class);
        return Optional.of(new ArchivedSubmission(id, raw, Files.size(raw), first, first));
    }

    /** Every archived submission as first received, in id order: what a rebuild reads. */
    public List<ArchivedSubmission> all() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ArchivedSubmission> all = new ArrayList<>();
        try (Stream<Path> sidecars =
                Files.find(root, 2, (p, a) -> p.getFileName().toString().endsWith(".json"))) {
            for (Path sidecar : sidecars.sorted().toList()) {
                String id = sidecar.getFileName().toString().replace(".json", "");
                Path raw = rawFile(id);
                if (Files.exists(raw)) {
                    ReceivedFacts first = json.readValue(sidecar.toFile(), ReceivedFacts.class);
                    all.add(new ArchivedSubmission(id, raw, Files.size(raw), first, first));
                }
            }
        }
        return all;
    }

    Path rawFile(String id) {
        return root.resolve(id.substring(0, 2)).resolve(id + ".raw");
    }

    private Path sidecarFile(String id) {
        return root.resolve(id.substring(0, 2)).resolve(id + ".json");
    }

    private ReceivedFacts writeSidecarOnce(String id, ReceivedFacts facts) throws IOException {
        Path sidecar = sidecarFile(id);
        if (Files.exists(sidecar)) {
            return json.readValue(sidecar.toFile(), ReceivedFacts.class);
        }
        Path temp = Files.createTempFile(sidecar.getParent(), id, ".json.part");
        json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), facts);
        fsync(temp);
        moveIntoPlace(temp, sidecar);
        return json.readValue(sidecar.toFile(), ReceivedFacts.class);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another thread archived the same bytes first: same content, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel =
                FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
