package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the pre-check of an entry read when its own latest submission came in, read back from the index: the entry
 * and the texts of that submission's files. Lets an entry be checked again because another one changed, without
 * reading its archived files again.
 */
@Component
class StoredCheckInputs {

    private final Indexer indexer;
    private final String entries;
    private final String submissions;

    StoredCheckInputs(Indexer indexer, IndexProperties index) {
        this.indexer = indexer;
        this.entries = index.alias("entries");
        this.submissions = index.alias("submissions");
    }

    /** The input of the entry's latest submission, or empty when the entry or that submission is not indexed. */
    Optional<CheckInput> of(String entryId) {
        return indexer.get(entries, entryId, Entry.class)
                .flatMap(entry -> entry.submissions().stream()
                        .max(Comparator.comparing(Entry.EntrySubmission::receivedAt))
                        .flatMap(latest -> indexer.get(submissions, latest.id(), SubmissionDocument.class))
                        .map(submission -> new CheckInput(entry, texts(submission), submission.channel())));
    }

    private static Map<String, String> texts(SubmissionDocument submission) {
        Map<String, String> texts = new LinkedHashMap<>();
        submission.files().forEach(f -> texts.put(f.path(), String.valueOf(f.text())));
        return texts;
    }
}
