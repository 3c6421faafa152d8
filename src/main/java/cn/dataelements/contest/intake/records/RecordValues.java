package cn.dataelements.contest.intake.records;

import java.util.List;

/** One record of a source as its mapping reads it: a portal's JSON object, a row of an export sheet. */
public interface RecordValues {

    /** The value a key names, as text (trimmed), or empty. A key "." names the record itself. */
    String text(String key);

    /**
     * The items a key names: a list's elements, or a text split at 、，,;； and line breaks; each item read by the same
     * keys, with "." for the item itself.
     */
    List<RecordValues> items(String key);

    /** The separators of several names written in one text. */
    String SEPARATORS = "[、，,;；\\r\\n]+";

    /** A single text as a record: "." names it. */
    static RecordValues of(String text) {
        return new RecordValues() {
            @Override
            public String text(String key) {
                return ".".equals(key) ? text.strip() : "";
            }

            @Override
            public List<RecordValues> items(String key) {
                return ".".equals(key) ? split(text) : List.of();
            }
        };
    }

    /** The names a text holds, each as a record. */
    static List<RecordValues> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(SEPARATORS))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(RecordValues::of)
                .toList();
    }
}
