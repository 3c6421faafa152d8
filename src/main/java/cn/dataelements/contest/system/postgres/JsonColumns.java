package cn.dataelements.contest.system.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Documents kept in {@code jsonb} columns (entries, findings, submissions), written and read with the app's own Jackson
 * settings: the same shape as the documents given to Elasticsearch, so a projection is the column as it is.
 */
@Component
public class JsonColumns {

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    /** The value as JSON text, for {@code cast(? as jsonb)}. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String column, Class<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            // a row the app wrote and cannot read back is a defect to see, not a value to skip
            throw new IllegalStateException("A stored " + type.getSimpleName() + " could not be read: " + e, e);
        }
    }
}
