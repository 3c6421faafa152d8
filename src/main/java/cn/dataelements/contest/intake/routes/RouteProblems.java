package cn.dataelements.contest.intake.routes;

import cn.dataelements.contest.intake.records.InvalidMappingException;
import cn.dataelements.contest.intake.records.SourceMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The route file problems of the mapping file a route names, and that file itself, for the templates' checks. */
public final class RouteProblems {

    private RouteProblems() {}

    /** Each problem of the mapping file, keyed by the mapping parameter, the file and the key inside it. */
    public static List<RouteProblem> of(InvalidMappingException e) {
        String file = e.file().getFileName().toString();
        return e.problems().stream()
                .map(p -> new RouteProblem(
                        "parameters.mapping: " + file + " " + p.key(),
                        "映射文件 " + file + "：" + p.message(),
                        "mapping file " + file + ": " + p.key() + ": " + p.logMessage()))
                .toList();
    }

    /** The mapping file the values name, when the name is a valid one. */
    public static List<Path> mappingFile(Path mappings, Map<String, String> values) {
        String name = values.getOrDefault("mapping", "");
        return SourceMapping.NAME.matcher(name).matches() ? List.of(SourceMapping.file(mappings, name)) : List.of();
    }
}
