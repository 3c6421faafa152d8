package cn.dataelements.contest.catalog;

import java.util.List;

/**
 * The catalog files under mappings/ cannot be used: unreadable, not the expected YAML, or inconsistent. Thrown while
 * the application starts, which stops it. The message lists every problem found, each as
 * {@code <file>: <key path>: <what is wrong>; valid: <what would be>}.
 */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("The track catalog is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String problem, Throwable cause) {
        super("The track catalog is invalid:\n  " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Each problem, as {@code <file>: <key path>: <what is wrong>}. */
    public List<String> problems() {
        return problems;
    }
}
