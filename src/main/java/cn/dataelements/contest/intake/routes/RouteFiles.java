package cn.dataelements.contest.intake.routes;

import cn.dataelements.contest.intake.IntakeGate;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.RouteHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The intake routes, as the files of the routes folder describe them. The app reads the folder once Camel has
 * started and then every few seconds: a new file's route is added, a changed file's route replaced, a removed file's
 * route stopped and removed, each by its id, while the other routes go on. A file is checked whole by
 * {@link RouteFileReader} before anything of it runs; a refused file leaves the route it had before running, and its
 * problems are shown by {@code GET /api/admin/routes} and logged. Health is DOWN while no route runs.
 *
 * <p>Only the instance that leads ({@code system.leader.IntakeLeadership}: one of the instances sharing a database)
 * runs the routes: it reads the folder once it is given the lead, and stops and forgets every route when it loses it;
 * the others wait, and say so in health.
 */
@Component
public class RouteFiles implements CamelContextConfiguration, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    /** What became of one route file. */
    public record State(
            String file,
            String routeId,
            String template,
            String status,
            List<RouteProblem> problems,
            Instant changedAt,
            RouteHealth health) {}

    /** What was last read of a file: its digest, the route it runs (if any), and its state. */
    private record Loaded(String digest, String runningRouteId, RouteFile route, State state) {}

    private final Path dir;
    /** The parameter every route is added with that names its own id; no route file may set it. */
    public static final String ROUTE_ID_PARAMETER = "intakeRouteId";

    private final Path secrets;
    private final IntakeHealth outcomes;
    private final IntakeGate gate;
    private final RouteFileReader reader;
    private final List<RouteTemplateSpec> templates;
    private final long rescanMillis;
    private final Map<Path, Loaded> files = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final ScheduledExecutorService rescans = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "route-files");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CamelContext camel;
    private volatile boolean loaded;
    private volatile boolean leading;
    /** Camel starts routes here: false in a context started without auto-startup, where no route file is read. */
    private volatile boolean enabled;

    RouteFiles(
            List<IntakeRouteTemplate> templates,
            IntakeHealth outcomes,
            IntakeGate gate,
            Environment environment,
            @Value("${intake.routes-dir:routes}") Path dir,
            @Value("${intake.data-dir}") Path dataDir,
            @Value("${intake.routes.rescan-millis:2000}") long rescanMillis) {
        this.dir = dir;
        this.secrets = dataDir.resolve("secrets");
        this.outcomes = outcomes;
        this.gate = gate;
        this.rescanMillis = rescanMillis;
        this.templates = templates.stream().map(IntakeRouteTemplate::spec).toList();
        this.reader = new RouteFileReader(this.templates, environment::getProperty, System::getenv, secrets);
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        // the routes are added once Camel runs: after its route templates are there
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        this.camel = context;
        if (!context.isAutoStartup()) {
            log.info("Camel does not start routes here (auto-startup off): route files in {} are not read", dir);
            return;
        }
        enabled = true;
        rescans.scheduleWithFixedDelay(this::rescanQuietly, 0, rescanMillis, TimeUnit.MILLISECONDS);
    }

    /** This instance now leads: its routes start at once. */
    public void lead() {
        leading = true;
        log.info("This instance leads: it runs the intake routes of {}", dir.toAbsolutePath());
        if (!rescans.isShutdown()) {
            rescans.execute(this::rescanQuietly);
        }
    }

    /** This instance no longer leads: every route stops, and waits for the lead to come back. */
    public void follow() {
        leading = false;
        if (rescans.isShutdown()) {
            return; // the app is closing: Camel stops every route itself
        }
        rescans.execute(this::stopAll);
    }

    /** True while this instance runs the intake routes. */
    public boolean leading() {
        return leading;
    }

    private synchronized void stopAll() {
        if (camel == null) {
            return;
        }
        files.values().forEach(loaded -> stop(loaded.runningRouteId()));
        // a route that would not stop is tried again at the next turn: the file stays known until it is gone
        files.entrySet()
                .removeIf(f -> f.getValue().runningRouteId() == null
                        || camel.getRoute(f.getValue().runningRouteId()) == null);
        loaded = false;
        log.info("This instance no longer leads: its intake routes are stopped");
    }

    /** The templates a route file may name, with their parameters. */
    public List<RouteTemplateSpec> templates() {
        return templates;
    }

    /** Every route file's state, by file name. */
    public List<State> states() {
        return files.values().stream().map(Loaded::state).map(this::withStatus).toList();
    }

    @Override
    public Health health() {
        if (leading && gate.closed().isPresent()) {
            return Health.up()
                    .withDetail("role", "leader, waiting: " + gate.closed().get())
                    .build();
        }
        if (!leading) {
            return Health.up()
                    .withDetail("role", "standby: another instance runs the intake routes, or none does yet")
                    .build();
        }
        List<State> states = states();
        long running = files.values().stream()
                .map(Loaded::runningRouteId)
                .filter(Objects::nonNull)
                .filter(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started)
                .count();
        Health.Builder health = loaded && running == 0 ? Health.down() : Health.up();
        health.withDetail("role", "leader");
        health.withDetail("running", running);
        states.forEach(s -> health.withDetail(
                s.file(),
                s.problems().isEmpty()
                        ? s.status()
                        : s.status() + ", " + s.problems().size() + " problem(s)"));
        if (loaded && states.isEmpty()) {
            health.withDetail("reason", "no route file in " + dir.toAbsolutePath());
        }
        return health.build();
    }

    /** No route is added once the app is closing: Camel stops before this bean is destroyed. */
    @EventListener(ContextClosedEvent.class)
    public void destroy() {
        rescans.shutdownNow();
        try {
            rescans.awaitTermination(35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rescanQuietly() {
        try {
            rescan();
        } catch (RuntimeException e) {
            log.error("Could not read the route files in {}", dir, e);
        }
    }

    /** Brings the running routes in line with the folder. */
    synchronized void rescan() {
        if (!enabled || camel.isStopping() || camel.isStopped()) {
            return;
        }
        if (!leading) {
            if (!files.isEmpty()) {
                stopAll();
            }
            return;
        }
        if (gate.closed().isPresent()) {
            return;
        }
        List<Path> present = list();
        boolean changed = false;
        List<Path> read = new ArrayList<>();
        for (Path gone : new ArrayList<>(files.keySet())) {
            if (!present.contains(gone)) {
                Loaded before = files.remove(gone);
                stop(before.runningRouteId());
                changed = true;
                log.info("Route file {} was removed: route {} stopped", gone.getFileName(), before.runningRouteId());
            }
        }
        for (Path file : present) {
            Loaded before = files.get(file);
            if (before == null || !before.digest().equals(digest(file, before))) {
                reload(file, before);
                read.add(file);
                changed = true;
            }
        }
        if (changed) {
            // a file refused because another held its route id may pass now
            for (Path file : present) {
                Loaded before = files.get(file);
                if (!read.contains(file)
                        && before.state().status().equals("REFUSED")
                        && before.runningRouteId() == null) {
                    reload(file, before);
                }
            }
        }
        loaded = true;
    }

    /** Loads the file again and keeps what came of it, with the digest that tells the next scan it is unchanged. */
    private void reload(Path file, Loaded before) {
        Loaded now = load(file, before);
        files.put(file, new Loaded(digest(file, now), now.runningRouteId(), now.route(), now.state()));
    }

    private Loaded load(Path file, Loaded before) {
        String running = before == null ? null : before.runningRouteId();
        RouteFile previous = before == null ? null : before.route();
        String name = file.getFileName().toString();
        RouteFile route;
        try {
            route = reader.read(file);
        } catch (InvalidRouteFileException e) {
            log.error("{}{}", e.getMessage(), running == null ? "" : "; route " + running + " keeps running as it was");
            return refused(name, running, previous, e.problems());
        } catch (RuntimeException e) {
            RouteProblem unreadable = new RouteProblem(
                    "file", "路由文件无法解析：" + e.getMessage(), "the route file cannot be resolved: " + e.getMessage());
            log.error("Route file {} refused: {}", name, unreadable.logMessage(), e);
            return refused(name, running, previous, List.of(unreadable));
        }
        String owner = files.entrySet().stream()
                .filter(f -> !f.getKey().equals(file)
                        && route.routeId().equals(f.getValue().runningRouteId()))
                .map(f -> f.getKey().getFileName().toString())
                .findFirst()
                .orElse(null);
        if (owner != null) {
            RouteProblem taken = new RouteProblem(
                    "templatedRoute.routeId",
                    "路由编号 " + route.routeId() + " 已被 " + owner + " 使用",
                    "route id " + route.routeId() + " is already used by " + owner);
            log.error("Route file {} refused: {}", name, taken.logMessage());
            return refused(name, running, previous, List.of(taken));
        }
        stop(running);
        stop(route.routeId());
        try {
            add(route);
            log.info(
                    "Route {} {} from {} (template {})",
                    route.routeId(),
                    before == null ? "added" : "replaced",
                    name,
                    route.template());
            return new Loaded(
                    "",
                    route.routeId(),
                    route,
                    new State(name, route.routeId(), route.template(), "", List.of(), Instant.now(), RouteHealth.NONE));
        } catch (Exception e) {
            stop(route.routeId());
            RouteProblem failed = new RouteProblem(
                    "file", "路由无法启动：" + e.getMessage(), "the route could not be started: " + e.getMessage());
            log.error("Route file {}: {}", name, failed.logMessage(), e);
            String restored = restore(previous);
            return new Loaded(
                    "",
                    restored,
                    restored == null ? null : previous,
                    new State(
                            name,
                            restored,
                            route.template(),
                            "FAILED",
                            List.of(failed),
                            Instant.now(),
                            RouteHealth.NONE));
        }
    }

    private Loaded refused(String name, String running, RouteFile previous, List<RouteProblem> problems) {
        return new Loaded(
                "",
                running,
                previous,
                new State(name, running, null, "REFUSED", problems, Instant.now(), RouteHealth.NONE));
    }

    private void add(RouteFile route) throws Exception {
        TemplatedRouteBuilder builder =
                TemplatedRouteBuilder.builder(camel, route.template()).routeId(route.routeId());
        route.values().forEach(builder::parameter);
        // a template that keeps state per route (a portal's watermark) finds its route's id here
        builder.parameter(ROUTE_ID_PARAMETER, route.routeId());
        builder.add();
    }

    /** Starts the route the file had before a new version failed to start; its id, or null. */
    private String restore(RouteFile previous) {
        if (previous == null) {
            return null;
        }
        try {
            add(previous);
            log.warn("Route {} runs again as it was before the change that failed", previous.routeId());
            return previous.routeId();
        } catch (Exception e) {
            stop(previous.routeId());
            log.error("Route {} could not be started again as it was", previous.routeId(), e);
            return null;
        }
    }

    /** The state with the route's status as Camel has it now. */
    private State withStatus(State state) {
        if (state.routeId() == null || camel == null || state.status().equals("FAILED")) {
            return state;
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(state.routeId());
        String now = status == null ? state.status() : status.name();
        if ("REFUSED".equals(state.status())) {
            now = "REFUSED (" + (status == null ? "no route" : "route " + status.name() + " as it was") + ")";
        }
        return new State(
                state.file(),
                state.routeId(),
                state.template(),
                now,
                state.problems(),
                state.changedAt(),
                outcomes.of(state.routeId()));
    }

    private void stop(String routeId) {
        if (routeId == null || camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId, 30, TimeUnit.SECONDS);
            camel.removeRoute(routeId);
            outcomes.forget(routeId);
        } catch (Exception e) {
            log.error("Could not stop route {}", routeId, e);
        }
    }

    private List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(RouteFileReader.SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("Could not list the route files in {}", dir, e);
            return new ArrayList<>(files.keySet());
        }
    }

    /**
     * The digest of the file's content and of its route's secrets file: a file saved again unchanged is not loaded
     * again, a changed secret replaces the route.
     */
    private String digest(Path file, Loaded before) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(file));
            String name = file.getFileName().toString();
            Path secret = secrets.resolve(
                    before != null && before.runningRouteId() != null
                            ? before.runningRouteId()
                            : name.substring(0, name.length() - RouteFileReader.SUFFIX.length()));
            if (Files.isRegularFile(secret)) {
                sha.update(Files.readAllBytes(secret));
            }
            for (Path input : reader.inputs(file)) {
                sha.update(input.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(input)) {
                    sha.update(Files.readAllBytes(input));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return "unreadable:" + Objects.hashCode(e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
