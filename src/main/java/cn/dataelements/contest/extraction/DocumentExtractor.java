package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.TnefReply;
import java.nio.file.Path;
import java.util.List;

/**
 * Extracts text and structure from one document, out of process, so that a stuck or memory-hungry parser cannot take
 * the application down; and opens the one container whose library reads it whole into memory (Outlook's winmail.dat)
 * there too. Knows nothing of Elasticsearch; what goes wrong with a document is reported as
 * {@link cn.dataelements.contest.submission.Problem}s in the returned {@link Extraction}, never thrown.
 */
public interface DocumentExtractor extends AutoCloseable {

    /**
     * @param file the document on local disk; only read
     * @param displayName its name as the submitter sees it (path inside the submission), used for type detection and
     *     as the location of any problem
     */
    Extraction extract(Path file, String displayName);

    /** As {@link #extract(Path, String)}, with at most this many characters of text (a submission's budget left). */
    Extraction extract(Path file, String displayName, int maxTextChars);

    /**
     * Unpacks a winmail.dat into {@code outDir}: at most {@code maxEntries} files, none over {@code maxEntryBytes}.
     */
    Unpacked unpackTnef(Path file, String displayName, Path outDir, int maxEntries, long maxEntryBytes);

    /** The files a winmail.dat held, or why it could not be read; {@code detail} says what was left out. */
    record Unpacked(boolean ok, List<UnpackedFile> files, String detail) {

        static Unpacked of(TnefReply reply) {
            return new Unpacked(
                    reply.ok(),
                    reply.entries().stream()
                            .map(e -> new UnpackedFile(e.name(), Path.of(e.file()), e.size()))
                            .toList(),
                    reply.detail());
        }
    }

    /** One file of a winmail.dat: its name (empty when it had none), where it is, its size. */
    record UnpackedFile(String name, Path file, long size) {}

    @Override
    void close();
}
