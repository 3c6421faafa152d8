package cn.dataelements.contest.intake.routes;

/** A route template that route files may instantiate; each is a Spring bean. */
public interface IntakeRouteTemplate {

    RouteTemplateSpec spec();
}
