package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.submission.ReadSubmission;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the pre-check of an entry reads: the entry and the texts of every file of its current version, whichever
 * submission brought each one, so a finding from an earlier mail's proof stays when the team mails something else.
 * The texts of a submission just read come from it; the others from {@link SubmissionTexts}.
 */
@Component
public class StoredCheckInputs {

    private final SubmissionTexts texts;

    StoredCheckInputs(SubmissionTexts texts) {
        this.texts = texts;
    }

    /**
     * The input of an entry as it now stands.
     *
     * @param fresh a submission read just now: its files' texts come from it
     */
    public CheckInput of(Entry entry, Optional<ReadSubmission> fresh) {
        Map<String, Map<String, String>> bySubmission = new HashMap<>();
        fresh.ifPresent(read -> bySubmission.put(read.document().id(), textsOf(read)));
        return of(entry, Map.of(), bySubmission);
    }

    /**
     * The input of an entry whose files' texts are partly known already.
     *
     * @param known texts by path of the entry's current files, as the transaction that checked it had them
     */
    public CheckInput of(Entry entry, Map<String, String> known) {
        return of(entry, known, new HashMap<>());
    }

    private CheckInput of(Entry entry, Map<String, String> known, Map<String, Map<String, String>> bySubmission) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Material material : entry.materials()) {
            String text = known.containsKey(material.path()) && !bySubmission.containsKey(material.submissionId())
                    ? known.get(material.path())
                    : bySubmission
                            .computeIfAbsent(material.submissionId(), this.texts::of)
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
}
