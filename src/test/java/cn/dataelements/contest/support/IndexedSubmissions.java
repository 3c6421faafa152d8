package cn.dataelements.contest.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/** What organizers would find in the index: submissions and ledger lines, looked up by the mail's Message-ID. */
public final class IndexedSubmissions {

    private final ElasticsearchClient client;

    public IndexedSubmissions(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The submissions of a structured channel's registration (its id at the portal, or its export row's id), in the
     * order received.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> byReference(String reference) {
        try {
            client.indices().refresh(r -> r.index("contest-submissions"));
            return client
                    .search(
                            s -> s.index("contest-submissions")
                                    .query(q -> q.term(
                                            t -> t.field("source.reference").value(reference)))
                                    .sort(o -> o.field(f -> f.field("receivedAt"))),
                            Map.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(h -> (Map<String, Object>) ((Hit) h).source())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a submission of this registration is searchable, and returns the first. */
    public Map<String, Object> awaitByReference(String reference) {
        return Awaitility.await("submission of registration " + reference)
                .atMost(Duration.ofSeconds(90))
                .until(() -> byReference(reference).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the submission of this mail is searchable, and returns its document. */
    public Map<String, Object> awaitSubmission(String messageId) {
        return Awaitility.await("submission " + messageId)
                .atMost(Duration.ofSeconds(60))
                .until(() -> find(messageId), Optional::isPresent)
                .orElseThrow();
    }

    public Optional<Map<String, Object>> find(String messageId) {
        List<Hit<Map>> hits = search("contest-submissions", "source.messageId", messageId);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0).source());
    }

    public List<Map<String, Object>> submissionsOf(String messageId) {
        return search("contest-submissions", "source.messageId", messageId).stream()
                .map(h -> (Map<String, Object>) h.source())
                .toList();
    }

    /** How many of these mails have a submission in the index. */
    public long countIndexed(List<String> messageIds) {
        try {
            client.indices().refresh(r -> r.index("contest-submissions"));
            List<co.elastic.clients.elasticsearch._types.FieldValue> values = messageIds.stream()
                    .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                    .toList();
            return client.count(c -> c.index("contest-submissions")
                            .query(q -> q.terms(t -> t.field("source.messageId").terms(v -> v.value(values)))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers the mail to the test mailbox and waits for the entry it is part of. */
    public cn.dataelements.contest.entry.Entry deliverAndAwaitEntry(RawMail mail)
            throws jakarta.mail.MessagingException {
        TestMailServer.deliver(mail.bytes());
        return awaitEntryOf(awaitSubmission(mail.messageId()).get("id").toString());
    }

    /** Waits until the entry made of this submission is searchable, and returns it. */
    public cn.dataelements.contest.entry.Entry awaitEntryOf(String submissionId) {
        return Awaitility.await("entry of " + submissionId)
                .atMost(Duration.ofSeconds(60))
                .until(() -> entryOf(submissionId), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<cn.dataelements.contest.entry.Entry> entryOf(String submissionId) throws IOException {
        client.indices().refresh(r -> r.index("contest-entries"));
        return client
                .search(
                        s -> s.index("contest-entries")
                                .query(q ->
                                        q.term(t -> t.field("submissions.id").value(submissionId))),
                        cn.dataelements.contest.entry.Entry.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .findFirst();
    }

    /** The ledger lines about this mail, as copied to the ledger index. */
    public List<Map<String, Object>> ledger(String messageId) {
        return search("contest-ledger", "messageId", messageId).stream()
                .map(h -> (Map<String, Object>) h.source())
                .toList();
    }

    /** Waits until the ledger index has a line with this outcome for the mail. */
    public Map<String, Object> awaitLedger(String messageId, String outcome) {
        return Awaitility.await("ledger " + outcome + " for " + messageId)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> ledger(messageId).stream()
                                .filter(l -> outcome.equals(l.get("outcome")))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the ledger index has a line with this outcome whose reason says this (other tests add lines). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> awaitLedgerOutcome(String outcome, String reasonPart) {
        return Awaitility.await("a ledger line " + outcome + " for " + reasonPart)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> search("contest-ledger", "outcome", outcome).stream()
                                .map(h -> (Map<String, Object>) h.source())
                                .filter(line ->
                                        String.valueOf(line.get("reason")).contains(reasonPart))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @SuppressWarnings("rawtypes")
    private List<Hit<Map>> search(String index, String field, String value) {
        try {
            client.indices().refresh(r -> r.index(index));
            return client.search(
                            s -> s.index(index)
                                    .size(100)
                                    .query(q -> q.term(t -> t.field(field).value(value))),
                            Map.class)
                    .hits()
                    .hits();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
