package cn.dataelements.contest.intake.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A template's own check of a route file's values, beyond each value's pattern: e.g. that the mapping file it names
 * is valid. Runs only once every value matched its pattern.
 */
public interface RouteCheck {

    RouteCheck NONE = values -> List.of();

    /** What is wrong with the values taken together, or nothing. */
    List<RouteProblem> problems(Map<String, String> values);

    /**
     * The other files a route of these values reads (its mapping file): a change in one replaces the route as a change
     * of the route file does. The values are as written, placeholders unresolved.
     */
    default List<Path> inputs(Map<String, String> values) {
        return List.of();
    }
}
