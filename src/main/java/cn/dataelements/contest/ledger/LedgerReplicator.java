package cn.dataelements.contest.ledger;

import cn.dataelements.contest.index.IndexInstaller;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Copies ledger lines from disk to the ledger index, from a checkpoint of how far each file was copied; while the
 * index is down the lines wait on disk and are copied once it is back. Line ids make a repeated copy harmless, so
 * whatever looks wrong starts a file over: a checkpoint past the end of its file or not at a line's start (a torn
 * line was set aside), a checkpoint that cannot be read. A line that does not parse is logged and passed over. When
 * the ledger index is new, every line is copied again and the read alias moves to it once all are in.
 */
@Component
class LedgerReplicator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerReplicator.class);
    private static final int MAX_CHUNK_BYTES = 1 << 20;

    private static final String NAME = "ledger";

    private final Path dir;
    private final Path checkpoint;
    private final Indexer indexer;
    private final IndexInstaller installer;
    private final String alias;
    private final ObjectMapper json;
    private final long periodMillis;
    private ScheduledExecutorService executor;
    /** The ledger index was made anew: copy every line again, from the beginning, then let people read it. */
    private volatile boolean copyAllAgain;

    LedgerReplicator(
            LedgerProperties properties,
            Indexer indexer,
            IndexProperties index,
            ObjectMapper json,
            IndexInstaller installer) {
        this.copyAllAgain = installer.unfilled().contains(NAME);
        this.installer = installer;
        this.dir = properties.dir().toAbsolutePath();
        this.checkpoint = dir.resolve("replicated.json");
        this.indexer = indexer;
        this.alias = index.writeAlias(NAME);
        this.json = json;
        this.periodMillis = properties.replicateEvery().toMillis();
    }

    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::replicateQuietly);
        }
    }

    private void replicateQuietly() {
        try {
            replicate();
        } catch (RuntimeException | IOException e) {
            log.warn("Ledger lines wait on disk: could not copy them to {} ({})", alias, e.getMessage());
        }
    }

    synchronized void replicate() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, Long> done = readCheckpoint();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                long offset = validOffset(file, done.getOrDefault(name, 0L));
                while (offset < Files.size(file)) {
                    long next = copyFrom(file, offset);
                    if (next == offset) {
                        break;
                    }
                    offset = next;
                    done.put(name, offset);
                    writeCheckpoint(done);
                }
            }
        }
        if (copyAllAgain) {
            installer.promote(NAME);
            copyAllAgain = false;
            log.info("Every ledger line is in the new ledger index; searches use it now");
        }
    }

    /** Copies this file again from its start: it was cut (a torn line set aside), so its checkpoint is stale. */
    synchronized void copyAgain(String fileName) throws IOException {
        Map<String, Long> done = readCheckpoint();
        if (done.remove(fileName) != null) {
            writeCheckpoint(done);
        }
    }

    /** The checkpoint if it is at a line's start within the file; else 0, and the file is copied again. */
    private long validOffset(Path file, long offset) throws IOException {
        if (offset == 0) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer before = ByteBuffer.allocate(1);
            if (offset <= channel.size() && channel.read(before, offset - 1) == 1 && before.get(0) == '\n') {
                return offset;
            }
        }
        log.warn(
                "Ledger checkpoint of {} is not at a line's start (a torn line was set aside?); copying it again",
                file.getFileName());
        return 0;
    }

    /** Copies the whole lines after offset (up to a chunk); returns the offset after the last line copied. */
    private long copyFrom(Path file, long offset) throws IOException {
        ByteBuffer chunk;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            chunk = ByteBuffer.allocate((int) Math.min(channel.size() - offset, MAX_CHUNK_BYTES));
            while (chunk.hasRemaining() && channel.read(chunk, offset + chunk.position()) > 0) {
                // keep reading until the chunk is full or the file ends
            }
        }
        byte[] bytes = chunk.array();
        int end = chunk.position();
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a line being appended right now is copied next time
        }
        List<IndexItem> items = new ArrayList<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                LedgerEvent event = json.readValue(line, LedgerEvent.class);
                items.add(new IndexItem(event.id(), event));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                log.warn(
                        "{}: a line that is not a ledger event is passed over: {}",
                        file.getFileName(),
                        e.getOriginalMessage());
            }
        }
        indexer.index(alias, items);
        return offset + end;
    }

    private Map<String, Long> readCheckpoint() throws IOException {
        if (!Files.exists(checkpoint)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(checkpoint.toFile(), new TypeReference<Map<String, Long>>() {}));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn(
                    "Ledger checkpoint {} cannot be read ({}); every line is copied again",
                    checkpoint,
                    e.getOriginalMessage());
            return new TreeMap<>();
        }
    }

    private void writeCheckpoint(Map<String, Long> done) throws IOException {
        Path temp = checkpoint.resolveSibling("replicated.json.part");
        json.writeValue(temp.toFile(), done);
        Files.move(temp, checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void start() {
        if (copyAllAgain) {
            try {
                Files.deleteIfExists(checkpoint);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not reset the ledger checkpoint " + checkpoint, e);
            }
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ledger-replicator"));
        executor.scheduleWithFixedDelay(this::replicateQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the copying, after one last copy: a graceful stop leaves the ledger index as current as the files. */
    @Override
    public void stop() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                replicateQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
