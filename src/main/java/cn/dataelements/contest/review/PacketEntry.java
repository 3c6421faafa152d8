package cn.dataelements.contest.review;

import java.time.Instant;
import java.util.List;

/**
 * The normalized entry as a packet carries it ({@code entry.json}): the same fields in the same order whatever channel
 * the entry came by. A blind packet has no team, unit or person names, no contact data and no credit codes, in its
 * fields or its texts; a packet for reviewers never has contact data. {@code code} is the 作品编号 its reader knows:
 * the round's code for a reviewer (初赛-A017), never the entry's id, which is derived from public data.
 */
public record PacketEntry(
        String code,
        boolean blind,
        String workTitle,
        String track,
        String topic,
        String teamName,
        List<String> units,
        List<String> members,
        List<Section> sections,
        List<String> materials,
        List<PacketFinding> findings,
        boolean originalsIncluded,
        List<String> notes) {

    /** A form section in the catalog's order; {@code text} is the whole section as written, the parts within it. */
    public record Section(String key, String title, boolean found, String text, List<Part> parts) {}

    public record Part(String title, String text) {}

    /** A finding of the compliance review and the committee's decision on it, if any. */
    public record PacketFinding(
            String code, String severity, String message, String verdict, String reason, Instant decidedAt) {}
}
