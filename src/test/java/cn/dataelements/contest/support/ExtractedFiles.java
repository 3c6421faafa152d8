package cn.dataelements.contest.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.extraction.DocumentExtractor;
import cn.dataelements.contest.extraction.Extraction;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.submission.SubmissionDocument;
import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Files read the way MaterialReader reads them (Tika in the child JVM), and submissions made of them, for tests. */
public final class ExtractedFiles {

    private ExtractedFiles() {}

    /** One file extracted by the real extractor: the indexed document plus its XHTML. */
    public static ReadFile read(DocumentExtractor extractor, Path file, String displayPath) throws IOException {
        Extraction extraction = extractor.extract(file, displayPath);
        assertThat(extraction.ok()).as("extraction of " + displayPath).isTrue();
        byte[] bytes = Files.readAllBytes(file);
        FileDocument document = new FileDocument(
                displayPath.substring(displayPath.lastIndexOf('/') + 1),
                displayPath,
                extraction.mediaType(),
                bytes.length,
                sha256(bytes),
                extraction.text(),
                extraction.ok());
        return new ReadFile(document, extraction.xhtml() == null ? "" : extraction.xhtml());
    }

    /** A submission of these files by a channel; its id is derived from the channel and the files' hashes. */
    public static ReadSubmission submission(String channel, String route, Instant received, List<ReadFile> files) {
        StringBuilder key = new StringBuilder(channel);
        files.forEach(f -> key.append('/').append(f.document().sha256()));
        SubmissionDocument document = new SubmissionDocument(
                sha256(key.toString().getBytes(StandardCharsets.UTF_8)),
                channel,
                route,
                received,
                received,
                null,
                "",
                "",
                "",
                "",
                files.stream().map(ReadFile::document).toList(),
                List.of(),
                SubmissionDocument.STATUS_RECEIVED);
        return new ReadSubmission(document, files, ReadSubmission.Sender.NONE);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
