package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Fixture lookup and the views of a result the tests assert on. */
final class ArchiveTestSupport {

    private ArchiveTestSupport() {}

    static Path fixture(String name) {
        try {
            return Path.of(
                    ArchiveTestSupport.class.getResource("/archive/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> paths(ExpansionResult result) {
        return result.files().stream().map(ExpandedFile::displayPath).toList();
    }

    static List<String> codes(ExpansionResult result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    static List<String> locations(ExpansionResult result) {
        return result.problems().stream().map(Problem::location).toList();
    }

    /** Every file left in the output directory: nothing partial or orphaned may remain. */
    static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> written(ExpansionResult result) {
        return result.files().stream().map(ExpandedFile::file).sorted().toList();
    }
}
