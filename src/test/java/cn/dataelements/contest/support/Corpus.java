package cn.dataelements.contest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder of generated fixtures, each {@code <file>} beside its {@code <file>.expected.json}. */
public final class Corpus {

    private static final String EXPECTED = ".expected.json";

    private Corpus() {}

    /** The fixtures that have expected values, by file name, sorted. */
    public static Stream<String> cases(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(EXPECTED))
                    .map(n -> n.substring(0, n.length() - EXPECTED.length()))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }
}
