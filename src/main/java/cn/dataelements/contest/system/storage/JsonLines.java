package cn.dataelements.contest.system.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to a JSON-lines file durably: the line is on disk (fsynced) when this returns. What the app must not
 * lose before anything else knows of it, the intake ledger and the committee's decisions, is written this way.
 */
public final class JsonLines {

    private JsonLines() {}

    public static void append(Path file, ObjectMapper json, Object record) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }
}
