package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.compliance.SubmissionTexts;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.submission.SubmissionDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The texts of a submission's files for a check or a search document: from the submissions index when it has them
 * (one real-time get of the paths and texts), else read again from the archive, whose extractions are kept beside it
 * so no file is extracted twice. The index is only the faster way: while it is down or being filled anew, the archive
 * answers, and intake goes on without it.
 */
@Component
class KeptTexts implements SubmissionTexts {

    private static final Logger log = LoggerFactory.getLogger(KeptTexts.class);

    /** The part of a submission document that holds the texts, and the codes of its problems. */
    record FileTexts(List<FileText> files, List<ProblemCode> problems) {}

    /** A problem's code. */
    record ProblemCode(String code) {}

    /** One file's path and text. */
    record FileText(String path, String text) {}

    private final ElasticsearchClient client;
    private final SubmissionArchive archive;
    private final SubmissionReaders readers;
    private final String submissions;

    KeptTexts(ElasticsearchClient client, SubmissionArchive archive, SubmissionReaders readers, IndexProperties index) {
        this.client = client;
        this.archive = archive;
        this.readers = readers;
        this.submissions = index.writeAlias("submissions");
    }

    @Override
    public Map<String, String> of(String submissionId) {
        return indexed(submissionId).orElseGet(() -> read(submissionId));
    }

    private Optional<Map<String, String>> indexed(String submissionId) {
        try {
            GetResponse<FileTexts> found = client.get(
                    g -> g.index(submissions)
                            .id(submissionId)
                            .sourceIncludes("files.path", "files.text", "problems.code"),
                    FileTexts.class);
            if (!found.found() || found.source() == null) {
                return Optional.empty();
            }
            if (found.source().problems() != null
                    && found.source().problems().stream()
                            .anyMatch(p -> SubmissionDocument.TEXT_NOT_INDEXED.equals(p.code()))) {
                // the index left a text out: the archive has it whole
                return Optional.empty();
            }
            Map<String, String> texts = new HashMap<>();
            if (found.source().files() != null) {
                found.source().files().forEach(f -> texts.put(f.path(), String.valueOf(f.text())));
            }
            return Optional.of(texts);
        } catch (IOException | RuntimeException e) {
            log.debug(
                    "Texts of submission {} not read from the index ({}); read from the archive",
                    submissionId,
                    e.toString());
            return Optional.empty();
        }
    }

    private Map<String, String> read(String submissionId) {
        Optional<ArchivedSubmission> archived;
        try {
            archived = archive.get(submissionId);
        } catch (IOException e) {
            throw new UncheckedIOException("The archive could not be read for submission " + submissionId, e);
        }
        if (archived.isEmpty()) {
            log.warn("Submission {} is not in the archive: its files' texts are unknown", submissionId);
            return Map.of();
        }
        Map<String, String> texts = new HashMap<>();
        readers.read(archived.get())
                .files()
                .forEach(f -> texts.put(
                        f.document().path(), String.valueOf(f.document().text())));
        return texts;
    }
}
