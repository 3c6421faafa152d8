package cn.dataelements.contest.compliance;

/**
 * What a finding points at, so a committee member can see it and a decision can be keyed by it.
 *
 * @param file the material's path in its submission, or empty when the finding is about the entry's fields
 * @param field the entry field, e.g. {@code units[1].creditCode}, or {@code text} for a place in a file's text
 * @param text the offending value as found, e.g. the credit code or the organization's name
 * @param offset where {@code text} starts in the file's extracted text or in the field, or -1 when that does not apply
 */
public record Evidence(String file, String field, String text, int offset) {

    public Evidence {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
        text = text == null ? "" : text;
    }

    /** Evidence about an entry field, not a place in a file. */
    public static Evidence field(String field, String text) {
        return new Evidence("", field, text, -1);
    }
}
