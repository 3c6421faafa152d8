package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.IntakeErrorHandling;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.intake.records.InvalidMappingException;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.routes.IntakeRouteTemplate;
import cn.dataelements.contest.intake.routes.ParameterSpec;
import cn.dataelements.contest.intake.routes.RouteCheck;
import cn.dataelements.contest.intake.routes.RouteProblem;
import cn.dataelements.contest.intake.routes.RouteProblems;
import cn.dataelements.contest.intake.routes.RouteTemplateSpec;
import cn.dataelements.contest.receipt.ReceiptFlusher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * A route template of a structured channel (portal, export): its source is read by a mapping file named by the route
 * file's {@code mapping} parameter, checked with the route file and watched with it; each item the source hands on is
 * archived by the channel's archiver first, then taken in and its receipt sent, failures handled as for every intake
 * route.
 */
public abstract class SourceRouteTemplate extends RouteBuilder implements IntakeRouteTemplate {

    private static final String SOURCE_BEAN = "source";

    private final String id;
    private final String kind;
    private final Path mappings;
    private final Class<?> archiver;
    private final RouteTemplateSpec spec;

    /**
     * @param kind the mapping kind it reads (portal, export)
     * @param archiver the bean whose {@code archive(Exchange)} archives one item of the source
     * @param parameters every parameter but {@code mapping}, which every such template has
     */
    protected SourceRouteTemplate(
            String id, String kind, Path mappings, Class<?> archiver, List<ParameterSpec> parameters) {
        this.id = id;
        this.kind = kind;
        this.mappings = mappings;
        this.archiver = archiver;
        List<ParameterSpec> all = new ArrayList<>(parameters);
        all.add(
                1,
                ParameterSpec.of(
                        "mapping",
                        null,
                        "contest-" + kind,
                        SourceMapping.NAME.pattern(),
                        "the mapping file mappings/<mapping>.mapping.yaml, of kind " + kind));
        this.spec = new RouteTemplateSpec(id, all, new Check());
    }

    /** What else is wrong with the values taken together, beyond the mapping file. */
    protected List<RouteProblem> problems(Map<String, String> values) {
        return List.of();
    }

    /** The source of one route, its mapping read. */
    protected abstract PolledSource source(RouteTemplateContext rtc, SourceMapping mapping);

    /** The mapping file must be valid, of this template's kind, and the template's own checks pass. */
    private final class Check implements RouteCheck {

        @Override
        public List<RouteProblem> problems(Map<String, String> values) {
            List<RouteProblem> problems = new ArrayList<>();
            try {
                SourceMapping.load(mappings, values.get("mapping"), kind);
            } catch (InvalidMappingException e) {
                problems.addAll(RouteProblems.of(e));
            }
            problems.addAll(SourceRouteTemplate.this.problems(values));
            return problems;
        }

        @Override
        public List<Path> inputs(Map<String, String> values) {
            return RouteProblems.mappingFile(mappings, values);
        }
    }

    @Override
    public RouteTemplateSpec spec() {
        return spec;
    }

    @Override
    public void configure() {
        spec.declare(routeTemplate(id))
                .templateBean(SOURCE_BEAN, PolledSource.class, rtc -> source(rtc, mapping(rtc)))
                .from("intake-source:{{" + SOURCE_BEAN + "}}?source=#{{" + SOURCE_BEAN + "}}&delay={{pollDelay}}"
                        + "&pollStrategy=#intakePollStrategy")
                .routeConfigurationId(IntakeErrorHandling.ID)
                .bean(archiver, "archive")
                .bean(SubmissionIntake.class, "take")
                .bean(ReceiptFlusher.class, "wake");
    }

    private SourceMapping mapping(RouteTemplateContext rtc) {
        try {
            return SourceMapping.load(mappings, resolved(rtc, "mapping"), kind);
        } catch (InvalidMappingException e) {
            // changed between the route file's check and now: the route is not added, the one before stays
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A parameter's value, as {@code RouteFiles} resolved and checked it: not resolved again. */
    protected static String resolved(RouteTemplateContext rtc, String name) {
        return rtc.getProperty(name, String.class);
    }
}
