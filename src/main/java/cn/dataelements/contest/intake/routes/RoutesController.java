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

    /** Each route file: its route, template, state (Camel's, or REFUSED / FAILED) and problems, by file name. */
    @GetMapping
    List<RouteFiles.State> list() {
        return routes.states();
    }
}
