package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.Channels;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.routes.ParameterSpec;
import cn.dataelements.contest.intake.routes.RouteFiles;
import cn.dataelements.contest.intake.routes.RouteProblem;
import cn.dataelements.contest.intake.source.PolledSource;
import cn.dataelements.contest.intake.source.SourceRouteTemplate;
import cn.dataelements.contest.system.storage.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.RouteTemplateContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route template {@value #ID}: polls a portal's paged JSON listing of registrations, as its mapping file
 * ({@code mappings/<mapping>.mapping.yaml}) reads it, archives each record with its files first, then takes it in as
 * the mailbox does. See the README, "The portal route".
 */
@Component
class PortalRouteTemplate extends SourceRouteTemplate {

    static final String ID = "portal";

    private final Path stateDir;
    private final ObjectMapper json;

    PortalRouteTemplate(
            @Value("${intake.mappings-dir:mappings}") Path mappings,
            @Value("${intake.data-dir}") Path dataDir,
            ObjectMapper json) {
        super(
                ID,
                Channels.PORTAL,
                mappings,
                PortalArchiver.class,
                List.of(
                        ParameterSpec.of(
                                "baseUrl",
                                null,
                                "https://data.sd.gov.cn",
                                ParameterSpec.HTTP_URL,
                                "the portal's address: http(s), a host, a port and a path, no query or login"),
                        ParameterSpec.of("auth", "none", "token", "none|token|basic", "how the route logs in"),
                        ParameterSpec.of(
                                "username", "", "intake", "[A-Za-z0-9._@-]{0,254}", "the login for basic auth"),
                        ParameterSpec.optionalSecret("credential", "the token, or the password for basic auth"),
                        ParameterSpec.of(
                                "attachmentHosts",
                                "",
                                "files.data.sd.gov.cn",
                                "(?:" + ParameterSpec.HOST + "(?:," + ParameterSpec.HOST + ")*)?",
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
                                "milliseconds a page or a download may take before it is tried again")));
        this.stateDir = dataDir.resolve("portal");
        this.json = json;
    }

    /** A login must have its credential. */
    @Override
    protected List<RouteProblem> problems(Map<String, String> values) {
        List<RouteProblem> problems = new ArrayList<>();
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
    protected PolledSource source(RouteTemplateContext rtc, SourceMapping mapping) {
        String routeId = resolved(rtc, RouteFiles.ROUTE_ID_PARAMETER);
        URI base = URI.create(resolved(rtc, "baseUrl").replaceAll("/?$", "/"));
        String hosts = resolved(rtc, "attachmentHosts");
        Set<String> allowed = hosts == null || hosts.isBlank()
                ? Set.of(base.getHost())
                : Arrays.stream(hosts.split(",")).map(String::strip).collect(Collectors.toSet());
        PortalClient client = new PortalClient(
                base,
                mapping.listing(),
                PortalClient.authorization(
                        resolved(rtc, "auth"), resolved(rtc, "username"), resolved(rtc, "credential")),
                allowed,
                Duration.ofMillis(Long.parseLong(resolved(rtc, "timeout"))),
                Duration.ofSeconds(1),
                json);
        // the watermark belongs to this route's listing: another address or mapping under the same id starts afresh
        java.security.MessageDigest sha = Sha256.digest();
        sha.update((base + "|" + mapping.listing().path() + "|" + mapping.name()).getBytes(StandardCharsets.UTF_8));
        Path state = stateDir.resolve(routeId + "-" + Sha256.hex(sha).substring(0, 12));
        return new PortalPoller(new PortalSource(mapping, client, new PortalState(state, json)));
    }
}
