package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.RecordValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** Dotted paths into a portal's JSON ({@code data.records}, {@code contact.phone}, {@code units.0.name}). */
final class JsonPaths {

    private JsonPaths() {}

    static JsonNode at(JsonNode node, String path) {
        if (".".equals(path)) {
            return node;
        }
        JsonNode at = node;
        for (String step : path.split("\\.")) {
            if (at == null) {
                return MissingNode.getInstance();
            }
            at = at.isArray() && step.matches("[0-9]+") ? at.get(Integer.parseInt(step)) : at.get(step);
        }
        return at == null ? MissingNode.getInstance() : at;
    }

    /** The value at a path as text: a string, a number, a boolean; empty for anything else. */
    static String text(JsonNode node, String path) {
        JsonNode at = at(node, path);
        return at.isValueNode() && !at.isNull() ? at.asText().strip() : "";
    }

    /** A JSON object as a record of values for a mapping. */
    static RecordValues values(JsonNode node) {
        return new RecordValues() {
            @Override
            public String text(String key) {
                return JsonPaths.text(node, key);
            }

            @Override
            public List<RecordValues> items(String key) {
                JsonNode at = at(node, key);
                if (at.isArray()) {
                    return StreamSupport.stream(at.spliterator(), false)
                            .flatMap(item -> item.isValueNode()
                                    ? RecordValues.split(item.asText()).stream()
                                    : java.util.stream.Stream.of(values(item)))
                            .toList();
                }
                return RecordValues.split(JsonPaths.text(node, key));
            }
        };
    }
}
