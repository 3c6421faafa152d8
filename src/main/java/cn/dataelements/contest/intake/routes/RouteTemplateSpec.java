package cn.dataelements.contest.intake.routes;

import java.util.List;
import java.util.Optional;
import org.apache.camel.model.RouteTemplateDefinition;

/** An intake route template: its id, every parameter a route file may set, and its check of them together. */
public record RouteTemplateSpec(String id, List<ParameterSpec> parameters, RouteCheck check) {

    /** A template whose values need no check beyond their patterns. */
    public RouteTemplateSpec(String id, List<ParameterSpec> parameters) {
        this(id, parameters, RouteCheck.NONE);
    }

    /** Declares the parameters on the Camel template, with their defaults and descriptions. */
    public RouteTemplateDefinition declare(RouteTemplateDefinition template) {
        parameters.forEach(p -> template.templateParameter(p.name(), p.defaultValue(), p.description()));
        return template;
    }

    Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<String> names() {
        return parameters.stream().map(ParameterSpec::name).toList();
    }
}
