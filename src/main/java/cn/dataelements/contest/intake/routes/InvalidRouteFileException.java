package cn.dataelements.contest.intake.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A route file that was refused, with every problem found in it. */
public class InvalidRouteFileException extends Exception {

    private final transient List<RouteProblem> problems;

    public InvalidRouteFileException(Path file, List<RouteProblem> problems) {
        super("Route file " + file.getFileName() + " refused: "
                + problems.stream().map(p -> p.key() + ": " + p.logMessage()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RouteProblem> problems() {
        return problems;
    }
}
