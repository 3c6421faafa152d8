package cn.dataelements.contest.compliance;

import java.util.List;

/**
 * mappings/compliance.yaml or the forbidden-word list cannot be used. Thrown while the application starts, which
 * stops it. Each problem reads {@code <file>: <key path or line>: <what is wrong>; valid: <what would be>}.
 */
public class ComplianceConfigException extends RuntimeException {

    private final List<String> problems;

    public ComplianceConfigException(List<String> problems, Throwable cause) {
        super(
                "The compliance rules are invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "):\n  " + String.join("\n  ", problems),
                cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code <file>: <key path>: <what is wrong>}. */
    public List<String> problems() {
        return problems;
    }
}
