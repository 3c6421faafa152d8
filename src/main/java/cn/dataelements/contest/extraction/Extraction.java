package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.util.List;
import java.util.Map;

/**
 * What could be read from one document: plain text for indexing, Tika's XHTML (headings, paragraphs, tables and list
 * items kept) for a later normalizer, and a few selected metadata values under the keys declared here. When
 * {@code ok} is false the text is empty and {@code problems} says why; a truncated text is still {@code ok}.
 *
 * @param displayName the name the caller gave
 * @param mediaType the detected media type, e.g. {@code application/pdf}; {@code application/octet-stream} if unknown
 * @param text plain body text, at most {@link ExtractionSettings#maxTextChars()} characters
 * @param xhtml well-formed XHTML of the same content, closed even when truncated
 * @param metadata selected values under {@link #TITLE}, {@link #AUTHOR}, ... ; absent keys were not in the document
 * @param problems what went wrong or was cut, for the submitter and the log
 * @param ok whether the content could be read
 */
public record Extraction(
        String displayName,
        String mediaType,
        String text,
        String xhtml,
        Map<String, String> metadata,
        List<Problem> problems,
        boolean ok) {

    public static final String TITLE = "title";
    public static final String AUTHOR = "author";
    public static final String CREATED = "created";
    public static final String MODIFIED = "modified";
    public static final String PAGE_COUNT = "pageCount";
    public static final String WORD_COUNT = "wordCount";
    public static final String LANGUAGE = "language";
    /** {@code "true"} when the text was cut at {@link ExtractionSettings#maxTextChars()}. */
    public static final String TRUNCATED = "truncated";

    /** How many electronic seals (电子签章) and digital signatures an OFD carries, e.g. "1"; absent without any. */
    public static final String SIGNATURES = "signatures";

    /** The pages of an OFD that hold images and no text (a scan), e.g. "2,3": OCR's to read. */
    public static final String IMAGE_ONLY_PAGES = "imageOnlyPages";

    public Extraction {
        metadata = Map.copyOf(metadata);
        problems = List.copyOf(problems);
    }

    static Extraction failed(String displayName, String mediaType, Problem problem) {
        return new Extraction(displayName, mediaType, "", "", Map.of(), List.of(problem), false);
    }
}
