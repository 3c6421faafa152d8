package cn.dataelements.contest.system.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a configuration file under mappings/, said the way an admin can act on it: the key path
 * ({@code tracks[3].channel}) and what would be valid, or the line of a YAML syntax error. Shared by every loader
 * that validates a mappings/ file at start-up or on reload.
 */
public final class YamlProblems {

    private YamlProblems() {}

    /**
     * Jackson's error as key path and what would be valid. The line is given only for YAML that does not parse:
     * records are built from buffered properties, so for a mapping error Jackson's location is the end of the object,
     * not the offending key, while the key path is exact.
     */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return keyPath(unknown) + ": unknown key '" + unknown.getPropertyName() + "'; valid: "
                    + unknown.getKnownPropertyIds();
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            // Jackson wraps a parse error met while building a record in a mapping error: the syntax is the news.
            return "not valid YAML" + line(syntax.getLocation()) + ": " + firstLine(syntax.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return keyPath(mapping) + ": " + firstLine(e.getOriginalMessage());
        }
        return "not valid YAML" + line(e.getLocation()) + ": " + firstLine(e.getOriginalMessage());
    }

    /** Jackson's reference path as tracks[3].channel. */
    static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
