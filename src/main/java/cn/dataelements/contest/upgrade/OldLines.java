package cn.dataelements.contest.upgrade;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file an earlier version wrote, as that version read it: one object a line, in order. A last line
 * without its newline was cut off by a crash (the write was never acknowledged), and a line that does not parse is
 * not a record; both are left out and told, with the file and line, in the import's report.
 */
final class OldLines {

    /** The earlier version's own Jackson settings: Spring Boot's defaults. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private OldLines() {}

    /** Every record of the file, in order; what was left out is added to {@code skipped}. */
    static List<JsonNode> read(Path file, List<String> skipped) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " to import it", e);
        }
        List<JsonNode> records = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (i == lines.length - 1) {
                skipped.add(file.getFileName() + ":" + (i + 1) + ": cut off by a crash (no newline), left out");
                continue;
            }
            try {
                records.add(JSON.readTree(line));
            } catch (IOException e) {
                skipped.add(file.getFileName() + ":" + (i + 1) + ": not JSON, left out: " + e.getMessage());
            }
        }
        return records;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
