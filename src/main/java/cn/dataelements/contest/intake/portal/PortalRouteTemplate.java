package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.IntakeErrorHandling;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.intake.records.Channels;
import cn.dataelements.contest.intake.records.InvalidMappingException;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.routes.IntakeRouteTemplate;
import cn.dataelements.contest.intake.routes.ParameterSpec;
import cn.dataelements.contest.intake.routes.RouteCheck;
import cn.dataelements.contest.intake.routes.RouteFiles;
import cn.dataelements.contest.intake.routes.RouteProblem;
import cn.dataelements.contest.intake.routes.RouteTemplateSpec;
import cn.dataelements.contest.receipt.ReceiptFlusher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route template {@value #ID}: polls a portal's paged JSON listing of registrations, as its mapping file
 * ({@code mappings/<mapping>.mapping.yaml}) reads it, archives each record with its files first, then takes it in as
 * the mailbox does. See {@code routes/examples/contest-portal.camel.yaml} and the README, "Route files".
 */
@Component
class PortalRouteTemplate extends RouteBuilder implements IntakeRouteTemplate {

    static final String ID = "portal";

    private static final String HOST = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*";

    private final Path mappings;
    private final Path stateDir;
    private final ObjectMapper json;
    private final RouteTemplateSpec spec;

    PortalRouteTemplate(
            @Value("${intake.mappings-dir:mappings}") Path mappings,
            @Value("${intake.data-dir}") Path dataDir,
            ObjectMapper json) {
        this.mappings = mappings;
        this.stateDir = dataDir.resolve("portal");
        this.json = json;
        this.spec = new RouteTemplateSpec(
                ID,
                List.of(
                        ParameterSpec.of(
                                "baseUrl",
                                null,
                                "https://data.sd.gov.cn",
                                "https?://" + HOST + "(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%-]+)*/?",
                                "the portal's address: http(s), a host, a port and a path, no query or login"),
                        ParameterSpec.of(
                                "mapping",
                                null,
                                "contest-portal",
                                SourceMapping.NAME.pattern(),
                                "the mapping file mappings/<mapping>.mapping.yaml: the listing and the fields"),
                        ParameterSpec.of("auth", "none", "token", "none|token|basic", "how the route logs in"),
                        ParameterSpec.of(
                                "username", "", "intake", "[A-Za-z0-9._@-]{0,254}", "the login for basic auth"),
                        ParameterSpec.optionalSecret("credential", "the token, or the password for basic auth"),
                        ParameterSpec.of(
                                "attachmentHosts",
                                "",
                                "files.data.sd.gov.cn",
                                "(?:" + HOST + "(?:," + HOST + ")*)?",
                                "hosts files may be downloaded from, comma-separated; empty: the portal's own host"),
                        ParameterSpec.of(
                                "pollDelay",
                                "60000",
                                "60000",
                                "[0-9]{3,9}",
                                "milliseconds between polls of the listing"),
                        ParameterSpec.of(
                                "timeout",
                                "30000",
                                "30000",
                                "[0-9]{3,7}",
                                "milliseconds a page or a download may take before it is tried again")),
                new Check());
    }

    /** The mapping file must be a valid portal mapping, and a login must have its credential. */
    private final class Check implements RouteCheck {

        @Override
        public List<RouteProblem> problems(Map<String, String> values) {
            List<RouteProblem> problems = new java.util.ArrayList<>();
            try {
                SourceMapping.load(mappings, values.get("mapping"), Channels.PORTAL);
            } catch (InvalidMappingException e) {
                String file = e.file().getFileName().toString();
                e.problems()
                        .forEach(p -> problems.add(new RouteProblem(
                                "parameters.mapping: " + file + " " + p.key(),
                                "映射文件 " + file + "：" + p.message(),
                                "mapping file " + file + ": " + p.key() + ": " + p.logMessage())));
            }
            if (!"none".equals(values.get("auth"))
                    && values.getOrDefault("credential", "").isBlank()) {
                problems.add(new RouteProblem(
                        "parameters.credential",
                        "auth 为 " + values.get("auth") + " 时必须给出 credential（{{env:INTAKE_ROUTE_…}} 或 secrets 文件）",
                        "auth " + values.get("auth")
                                + " needs a credential ({{env:INTAKE_ROUTE_...}} or the secrets file)"));
            }
            if ("basic".equals(values.get("auth"))
                    && values.getOrDefault("username", "").isBlank()) {
                problems.add(new RouteProblem(
                        "parameters.username", "auth 为 basic 时必须给出 username", "auth basic needs a username"));
            }
            return problems;
        }

        @Override
        public List<Path> inputs(Map<String, String> values) {
            String name = values.getOrDefault("mapping", "");
            return SourceMapping.NAME.matcher(name).matches() ? List.of(SourceMapping.file(mappings, name)) : List.of();
        }
    }

    @Override
    public RouteTemplateSpec spec() {
        return spec;
    }

    @Override
    public void configure() {
        spec.declare(routeTemplate(ID))
                .templateBean("portalSource", PortalSource.class, this::source)
                .from("intake-portal:{{mapping}}?source=#{{portalSource}}&delay={{pollDelay}}"
                        + "&pollStrategy=#intakePollStrategy")
                .routeConfigurationId(IntakeErrorHandling.ID)
                .bean(PortalArchiver.class, "archive")
                .bean(SubmissionIntake.class, "take")
                .bean(ReceiptFlusher.class, "wake");
    }

    private PortalSource source(RouteTemplateContext rtc) {
        String routeId = rtc.getProperty(RouteFiles.ROUTE_ID_PARAMETER, String.class);
        SourceMapping mapping;
        try {
            mapping = SourceMapping.load(mappings, resolved(rtc, "mapping"), Channels.PORTAL);
        } catch (InvalidMappingException e) {
            // changed between the route file's check and now: the route is not added, the one before stays
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        URI base = URI.create(resolved(rtc, "baseUrl").replaceAll("/?$", "/"));
        String hosts = resolved(rtc, "attachmentHosts");
        Set<String> allowed = hosts == null || hosts.isBlank()
                ? Set.of(base.getHost())
                : Arrays.stream(hosts.split(",")).map(String::strip).collect(Collectors.toSet());
        Duration timeout = Duration.ofMillis(Long.parseLong(resolved(rtc, "timeout")));
        PortalClient client = new PortalClient(
                base,
                mapping.listing(),
                PortalClient.authorization(
                        resolved(rtc, "auth"), resolved(rtc, "username"), resolved(rtc, "credential")),
                allowed,
                timeout,
                Duration.ofSeconds(1),
                json);
        return new PortalSource(mapping, client, new PortalState(stateDir.resolve(routeId), json));
    }

    /** A parameter's value, as {@code RouteFiles} resolved and checked it: not resolved again. */
    private static String resolved(RouteTemplateContext rtc, String name) {
        return rtc.getProperty(name, String.class);
    }
}
