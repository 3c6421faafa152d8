package cn.dataelements.contest.extraction;

import java.nio.file.Path;

/**
 * Extracts text and structure from one document, out of process, so that a stuck or memory-hungry parser cannot take
 * the application down. Knows nothing of Elasticsearch; what goes wrong with a document is reported as
 * {@link cn.dataelements.contest.submission.Problem}s in the returned {@link Extraction}, never thrown.
 */
public interface DocumentExtractor extends AutoCloseable {

    /**
     * @param file the document on local disk; only read
     * @param displayName its name as the submitter sees it (path inside the submission), used for type detection and
     *     as the location of any problem
     */
    Extraction extract(Path file, String displayName);

    @Override
    void close();
}
