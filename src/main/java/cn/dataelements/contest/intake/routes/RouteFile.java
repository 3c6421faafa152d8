package cn.dataelements.contest.intake.routes;

import java.nio.file.Path;
import java.util.Map;

/**
 * A route file that passed every check: the route's id, its template, and the parameter values it sets, each one
 * resolved and matched against its pattern (secrets included, never shown).
 */
public record RouteFile(Path file, String routeId, String template, Map<String, String> values) {

    @Override
    public String toString() {
        return "RouteFile[" + file.getFileName() + ", " + routeId + ", " + template + "]";
    }
}
