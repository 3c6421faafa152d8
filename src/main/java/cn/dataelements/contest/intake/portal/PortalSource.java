package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.MappingProblem;
import cn.dataelements.contest.intake.records.Registration;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One portal route's source: its mapping, its client and its kept state. Made by the route template for each route
 * file; the consumer polls it, the archiver reads the records it gives.
 */
class PortalSource {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SourceMapping mapping;
    private final PortalClient client;
    private final PortalState state;
    private final int fileTries;

    PortalSource(SourceMapping mapping, PortalClient client, PortalState state, int fileTries) {
        this.mapping = mapping;
        this.client = client;
        this.state = state;
        this.fileTries = fileTries;
    }

    /** How often a file the portal keeps answering 5xx for is asked for before it is a problem on the submission. */
    int fileTries() {
        return fileTries;
    }

    SourceMapping mapping() {
        return mapping;
    }

    PortalClient client() {
        return client;
    }

    PortalState state() {
        return state;
    }

    /** The registration a record maps to; a record that does not map adds its problems. */
    Registration registration(JsonNode record, List<MappingProblem> problems) {
        if (!record.isObject()) {
            problems.add(new MappingProblem(".", "记录不是一个 JSON 对象", "the record is not a JSON object"));
            return null;
        }
        return mapping.fields().map(JsonPaths.values(record), null, problems);
    }

    /** The record's id at the portal, or empty. */
    String id(JsonNode record) {
        return JsonPaths.text(record, mapping.fields().keyOf("id"));
    }

    /**
     * A record as a poll sees it, its mapping read once: its id, where it stands in the listing's order (its
     * updated-at, else its submission time, then its id; empty when it does not map), and its fingerprint (its mapped
     * fields with their times, and its files' names and link paths: what it says without its links' signatures and
     * counters; the same fingerprint again means nothing to download).
     */
    record Listed(String id, Optional<PortalState.Cursor> key, String fingerprint) {}

    Listed listed(JsonNode record) {
        List<MappingProblem> problems = new ArrayList<>();
        Registration registration = registration(record, problems);
        Optional<PortalState.Cursor> key = Optional.empty();
        if (registration != null && problems.isEmpty()) {
            Instant at = registration.updatedAt() != null ? registration.updatedAt() : registration.submittedAt();
            key = Optional.of(new PortalState.Cursor(at.toString(), registration.sourceId()));
        }
        MessageDigest sha = Sha256.digest();
        try {
            sha.update(CANONICAL.writeValueAsBytes(registration == null ? null : registration.sorted()));
        } catch (IOException e) {
            throw new IllegalStateException("A registration is always JSON", e);
        }
        for (Attachment attachment : attachments(record)) {
            sha.update(("\n" + attachment.name() + "|" + attachment.reference()).getBytes(StandardCharsets.UTF_8));
        }
        return new Listed(id(record), key, Sha256.hex(sha));
    }

    /**
     * A file the record lists: its name and its link. An empty link is a file listed without one, or (named by the
     * list's key) a list that is not a list: each a problem on the submission, never dropped in silence.
     */
    record Attachment(String name, String link, String reference) {}

    List<Attachment> attachments(JsonNode record) {
        SourceMapping.Attachments at = mapping.attachments();
        List<Attachment> all = new ArrayList<>();
        JsonNode list = JsonPaths.at(record, at.list());
        if (list.isMissingNode() || list.isNull()) {
            return all;
        }
        if (!list.isArray()) {
            all.add(new Attachment(at.list(), "", at.list()));
            return all;
        }
        for (JsonNode item : list) {
            String link = item.isValueNode() ? item.asText().strip() : JsonPaths.text(item, at.url());
            String name = at.name() == null || item.isValueNode() ? "" : JsonPaths.text(item, at.name());
            if (link.isEmpty()) {
                all.add(new Attachment(name, "", ""));
                continue;
            }
            String reference;
            try {
                reference = PortalClient.withoutQuery(client.resolve(link));
            } catch (IllegalArgumentException e) {
                reference = link.replaceAll("\\?.*", "");
            }
            if (name.isEmpty()) {
                name = decoded(reference.substring(reference.lastIndexOf('/') + 1));
            }
            all.add(new Attachment(name, link, reference));
        }
        return all;
    }

    private static String decoded(String segment) {
        try {
            return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /**
     * The record as the listing shows it now: what an expired link (403) is renewed from. Reads the listing from the
     * record's own time on; empty when it is no longer there.
     */
    Optional<JsonNode> refetch(JsonNode record) throws IOException, InterruptedException {
        String id = id(record);
        Instant since = listed(record)
                .key()
                .map(k -> Instant.parse(k.updatedAt()).minusSeconds(1))
                .orElse(null);
        for (PortalClient.Page page = client.first(since); page != null; page = client.next(page)) {
            for (JsonNode fresh : page.records()) {
                if (id.equals(id(fresh))) {
                    return Optional.of(fresh);
                }
            }
        }
        return Optional.empty();
    }
}
