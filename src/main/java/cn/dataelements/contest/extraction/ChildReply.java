package cn.dataelements.contest.extraction;

import java.util.Map;

/** What the child JVM answers for one document, before it is turned into an {@link Extraction}. */
record ChildReply(
        Status status, String mediaType, String text, String xhtml, Map<String, String> metadata, String detail) {

    /** Outcomes the child can tell; timeouts, crashes and memory exhaustion are seen by the parent instead. */
    enum Status {
        OK,
        ENCRYPTED,
        CORRUPT,
        UNSUPPORTED
    }
}
