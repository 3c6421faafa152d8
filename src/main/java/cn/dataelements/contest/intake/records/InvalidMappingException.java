package cn.dataelements.contest.intake.records;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A mapping file that was refused, with every problem found in it. */
public class InvalidMappingException extends Exception {

    private final transient Path file;
    private final transient List<MappingProblem> problems;

    public InvalidMappingException(Path file, List<MappingProblem> problems) {
        super("Mapping file " + file.getFileName() + " refused: "
                + problems.stream().map(MappingProblem::toString).collect(Collectors.joining("; ")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
