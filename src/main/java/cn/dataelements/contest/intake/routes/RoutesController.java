package cn.dataelements.contest.intake.routes;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake routes as the route files made them: {@code GET /api/admin/routes} (admins only). */
@RestController
@RequestMapping("/api/admin/routes")
class RoutesController {

    private final RouteFiles routes;

    RoutesController(RouteFiles routes) {
        this.routes = routes;
    }

    /** A template's parameter as an admin writes it. */
    record Parameter(
            String name, String description, String defaultValue, String example, String pattern, boolean secret) {}

    /** A template a route file may name. */
    record Template(String id, List<Parameter> parameters) {}

    /**
     * Each route file: its route, template, state (Camel's, or REFUSED / FAILED), problems and the route's last poll
     * and item, by file name.
     */
    @GetMapping
    List<RouteFiles.State> list() {
        return routes.states();
    }

    /** The templates route files may name, each parameter with its default, an example and the pattern it must match. */
    @GetMapping("/templates")
    List<Template> templates() {
        return routes.templates().stream()
                .map(t -> new Template(
                        t.id(),
                        t.parameters().stream()
                                .map(p -> new Parameter(
                                        p.name(),
                                        p.description(),
                                        p.defaultValue(),
                                        p.example(),
                                        p.pattern().pattern(),
                                        p.secret()))
                                .toList()))
                .toList();
    }
}
