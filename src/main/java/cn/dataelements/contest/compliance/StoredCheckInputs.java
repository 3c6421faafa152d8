package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.index.ElasticsearchFailures;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.submission.ReadSubmission;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the pre-check of an entry reads: the entry and the texts of every file of its current version, whichever
 * submission brought each one, so a finding from an earlier mail's proof stays when the team mails something else.
 * The texts of a submission just read come from it; the others are read back from the submissions index (only the
 * files' paths and texts), so an entry can be checked again without reading archived files again.
 */
@Component
class StoredCheckInputs {

    /** The part of a submission document the pre-check reads. */
    record FileTexts(List<FileText> files) {}

    /** One file's path and text. */
    record FileText(String path, String text) {}

    private final ElasticsearchClient client;
    private final Indexer indexer;
    private final String entries;
    private final String submissions;

    StoredCheckInputs(ElasticsearchClient client, Indexer indexer, IndexProperties index) {
        this.client = client;
        this.indexer = indexer;
        this.entries = index.writeAlias("entries");
        this.submissions = index.writeAlias("submissions");
    }

    /** The input of an entry as indexed, or empty when the entry is not indexed. */
    Optional<CheckInput> of(String entryId) {
        return indexer.get(entries, entryId, Entry.class).map(entry -> of(entry, Optional.empty()));
    }

    /**
     * The input of an entry as it now stands.
     *
     * @param fresh a submission read just now and not yet indexed: its files' texts come from it
     */
    CheckInput of(Entry entry, Optional<ReadSubmission> fresh) {
        Map<String, Map<String, String>> bySubmission = new HashMap<>();
        fresh.ifPresent(read -> bySubmission.put(read.document().id(), textsOf(read)));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Material material : entry.materials()) {
            String text = bySubmission
                    .computeIfAbsent(material.submissionId(), this::storedTexts)
                    .get(material.path());
            if (text != null) {
                texts.put(material.path(), text);
            }
        }
        return new CheckInput(entry, texts, channelOf(entry));
    }

    /** The channel of the submission that made the current version. */
    private static String channelOf(Entry entry) {
        String current = entry.versions().stream()
                .filter(v -> v.number() == entry.currentVersion())
                .map(Entry.Version::submissionId)
                .findFirst()
                .orElse("");
        return entry.submissions().stream()
                .filter(s -> s.id().equals(current))
                .map(Entry.EntrySubmission::channel)
                .findFirst()
                .orElse(
                        entry.submissions().isEmpty()
                                ? ""
                                : entry.submissions().get(0).channel());
    }

    private static Map<String, String> textsOf(ReadSubmission read) {
        Map<String, String> texts = new HashMap<>();
        read.files()
                .forEach(f -> texts.put(
                        f.document().path(), String.valueOf(f.document().text())));
        return texts;
    }

    private Map<String, String> storedTexts(String submissionId) {
        Map<String, String> texts = new HashMap<>();
        try {
            GetResponse<FileTexts> found = client.get(
                    g -> g.index(submissions).id(submissionId).sourceIncludes("files.path", "files.text"),
                    FileTexts.class);
            if (found.found() && found.source() != null && found.source().files() != null) {
                found.source().files().forEach(f -> texts.put(f.path(), String.valueOf(f.text())));
            }
            return texts;
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.of("Could not read the texts of submission " + submissionId, e);
        }
    }
}
