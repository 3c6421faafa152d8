package cn.dataelements.contest.intake.routes;

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
import java.util.TreeMap;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The intake routes, as the files of the routes folder describe them. The app reads the folder once Camel has
 * started and then every few seconds: a new file's route is added, a changed file's route replaced, a removed file's
 * route stopped and removed, each by its id, while the other routes go on. A file is checked whole by
 * {@link RouteFileReader} before anything of it runs; a refused file leaves the route it had before running, and its
 * problems are shown by {@code GET /api/admin/routes} and logged. Health is DOWN while no route runs.
 */
@Component
public class RouteFiles implements CamelContextConfiguration, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    /** What became of one route file. */
    public record State(
            String file,
            String routeId,
            String template,
            String status,
            List<RouteProblem> problems,
            Instant changedAt) {}

    /** What was last read of a file: its digest, the route it runs (if any), and its state. */
    private record Loaded(String digest, String runningRouteId, State state) {}

    private final Path dir;
    private final RouteFileReader reader;
    private final long rescanMillis;
    private final Map<Path, Loaded> files = new TreeMap<>();
    private ScheduledExecutorService rescans;
    private CamelContext camel;
    private boolean loaded;

    RouteFiles(
            List<IntakeRouteTemplate> templates,
            Environment environment,
            @Value("${intake.routes-dir:routes}") Path dir,
            @Value("${intake.data-dir}") Path dataDir,
            @Value("${intake.routes.rescan-millis:2000}") long rescanMillis) {
        this.dir = dir;
        this.rescanMillis = rescanMillis;
        this.reader = new RouteFileReader(
                templates.stream().map(IntakeRouteTemplate::spec).toList(),
                environment::getProperty,
                System::getenv,
                dataDir.resolve("secrets"));
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
        rescan();
        rescans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "route-files");
            thread.setDaemon(true);
            return thread;
        });
        rescans.scheduleWithFixedDelay(this::rescanQuietly, rescanMillis, rescanMillis, TimeUnit.MILLISECONDS);
    }

    /** Every route file's state, by file name. */
    public synchronized List<State> states() {
        return files.values().stream().map(Loaded::state).map(this::withStatus).toList();
    }

    @Override
    public Health health() {
        List<State> states = states();
        long running;
        synchronized (this) {
            running = files.values().stream()
                    .map(Loaded::runningRouteId)
                    .filter(Objects::nonNull)
                    .filter(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started)
                    .count();
        }
        Health.Builder health = loaded && running == 0 ? Health.down() : Health.up();
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

    @Override
    public void destroy() {
        if (rescans != null) {
            rescans.shutdownNow();
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
        List<Path> present = list();
        for (Path gone : new ArrayList<>(files.keySet())) {
            if (!present.contains(gone)) {
                Loaded before = files.remove(gone);
                stop(before.runningRouteId());
                log.info("Route file {} was removed: route {} stopped", gone.getFileName(), before.runningRouteId());
            }
        }
        for (Path file : present) {
            String digest = digest(file);
            Loaded before = files.get(file);
            if (before == null || !before.digest().equals(digest)) {
                files.put(file, load(file, digest, before));
            }
        }
        loaded = true;
    }

    private Loaded load(Path file, String digest, Loaded before) {
        String running = before == null ? null : before.runningRouteId();
        String name = file.getFileName().toString();
        RouteFile route;
        try {
            route = reader.read(file);
        } catch (InvalidRouteFileException e) {
            log.error("{}{}", e.getMessage(), running == null ? "" : "; route " + running + " keeps running as it was");
            return new Loaded(digest, running, new State(name, running, null, "REFUSED", e.problems(), Instant.now()));
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
            return new Loaded(
                    digest, running, new State(name, running, null, "REFUSED", List.of(taken), Instant.now()));
        }
        stop(running);
        stop(route.routeId());
        try {
            TemplatedRouteBuilder builder =
                    TemplatedRouteBuilder.builder(camel, route.template()).routeId(route.routeId());
            route.values().forEach(builder::parameter);
            builder.add();
            log.info(
                    "Route {} {} from {} (template {})",
                    route.routeId(),
                    before == null ? "added" : "replaced",
                    name,
                    route.template());
            return new Loaded(
                    digest,
                    route.routeId(),
                    new State(name, route.routeId(), route.template(), "", List.of(), Instant.now()));
        } catch (Exception e) {
            stop(route.routeId());
            RouteProblem failed = new RouteProblem(
                    "file", "路由无法启动：" + e.getMessage(), "the route could not be started: " + e.getMessage());
            log.error("Route file {}: {}", name, failed.logMessage(), e);
            return new Loaded(
                    digest,
                    null,
                    new State(name, route.routeId(), route.template(), "FAILED", List.of(failed), Instant.now()));
        }
    }

    /** The state with the route's status as Camel has it now. */
    private State withStatus(State state) {
        if (state.routeId() == null || camel == null) {
            return state;
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(state.routeId());
        String now = status == null ? state.status() : status.name();
        if ("REFUSED".equals(state.status())) {
            now = "REFUSED (" + (status == null ? "no route" : "route " + status.name() + " as it was") + ")";
        }
        return new State(state.file(), state.routeId(), state.template(), now, state.problems(), state.changedAt());
    }

    private void stop(String routeId) {
        if (routeId == null || camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId, 30, TimeUnit.SECONDS);
            camel.removeRoute(routeId);
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

    /** The digest of the file's content: a file saved again unchanged is not loaded again. */
    private String digest(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(file));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return "unreadable:" + Objects.hashCode(e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
