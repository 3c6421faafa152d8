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
import java.net.http.HttpClient;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Route template {@value #ID}: polls a portal's paged JSON listing of registrations, as its mapping file
 * ({@code mappings/<mapping>.mapping.yaml}) reads it, archives each record with its files first, then takes it in as
 * the mailbox does. See the README, "The portal route".
 */
@Component
class PortalRouteTemplate extends SourceRouteTemplate {

    static final String ID = "portal";

    private final JdbcClient db;
    private final ObjectMapper json;

    PortalRouteTemplate(@Value("${intake.mappings-dir:mappings}") Path mappings, JdbcClient db, ObjectMapper json) {
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
                        ParameterSpec.of(
                                "auth",
                                "none",
                                "token",
                                PortalLogin.KINDS,
                                "how the route logs in: none, token (bearer), basic, header or query (an API key),"
                                        + " signature (appKey/appSecret HMAC-SHA256), oauth2 (client credentials)"),
                        ParameterSpec.of(
                                "username",
                                "",
                                "intake",
                                "[A-Za-z0-9._@-]{0,254}",
                                "the login name: the user for basic, the appKey for signature, the client id for"
                                        + " oauth2"),
                        ParameterSpec.optionalSecret(
                                "credential",
                                "the secret: the token, the password (basic), the API key (header, query), the"
                                        + " appSecret (signature) or the client secret (oauth2)"),
                        ParameterSpec.of(
                                "tokenUrl",
                                "",
                                "https://gateway.example.gov.cn/oauth/token",
                                "(?:" + ParameterSpec.HTTP_URL + ")?",
                                "the OAuth2 token endpoint, for auth oauth2"),
                        ParameterSpec.of(
                                "fileTries",
                                "10",
                                "10",
                                "[1-9][0-9]{0,2}",
                                "tries of a file the portal keeps answering 5xx for, before it is a problem on the"
                                        + " submission"),
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
        this.db = db;
        this.json = json;
    }

    /** A login must have its credential; the kinds with a login name need it; oauth2 needs its token endpoint. */
    @Override
    protected List<RouteProblem> problems(Map<String, String> values) {
        List<RouteProblem> problems = new ArrayList<>();
        String auth = values.get("auth");
        if (!"none".equals(auth) && values.getOrDefault("credential", "").isBlank()) {
            problems.add(new RouteProblem(
                    "parameters.credential",
                    "auth 为 " + auth + " 时必须给出 credential（{{env:INTAKE_ROUTE_…}} 或 secrets 文件）",
                    "auth " + auth + " needs a credential ({{env:INTAKE_ROUTE_...}} or the secrets file)"));
        }
        if (List.of("basic", "signature", "oauth2").contains(auth)
                && values.getOrDefault("username", "").isBlank()) {
            problems.add(new RouteProblem(
                    "parameters.username",
                    "auth 为 " + auth + " 时必须给出 username（"
                            + ("basic".equals(auth) ? "用户名" : "signature".equals(auth) ? "appKey" : "client id") + "）",
                    "auth " + auth + " needs a username"));
        }
        String tokenUrl = values.getOrDefault("tokenUrl", "");
        if ("oauth2".equals(auth) && tokenUrl.isBlank()) {
            problems.add(new RouteProblem(
                    "parameters.tokenUrl", "auth 为 oauth2 时必须给出 tokenUrl（令牌地址）", "auth oauth2 needs a tokenUrl"));
        }
        if (!tokenUrl.isBlank()
                && tokenUrl.startsWith("http:")
                && !values.getOrDefault("baseUrl", "").startsWith("http:")) {
            problems.add(new RouteProblem(
                    "parameters.tokenUrl",
                    "门户使用 https 时，tokenUrl 也必须是 https：客户端密钥不能以明文发送",
                    "tokenUrl must be https when the portal is: the client secret never goes in clear text"));
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
        Duration timeout = Duration.ofMillis(Long.parseLong(resolved(rtc, "timeout")));
        HttpClient http = PortalClient.http(timeout);
        String tokenUrl = resolved(rtc, "tokenUrl");
        PortalLogin login = PortalLogin.of(
                resolved(rtc, "auth"),
                resolved(rtc, "username"),
                resolved(rtc, "credential"),
                mapping.auth(),
                tokenUrl == null || tokenUrl.isBlank()
                        ? null
                        : new OAuth2Login.Endpoint(URI.create(tokenUrl), http, timeout, json));
        PortalClient client =
                new PortalClient(base, mapping.listing(), login, allowed, timeout, Duration.ofSeconds(1), http, json);
        return new PortalPoller(new PortalSource(
                mapping,
                client,
                new PortalState(db, stateKey(routeId, base, mapping)),
                Integer.parseInt(resolved(rtc, "fileTries"))));
    }

    /**
     * The key a route's watermark is kept under: its id and its listing, so another address or mapping under the same
     * route id starts afresh.
     */
    static String stateKey(String routeId, URI base, SourceMapping mapping) {
        java.security.MessageDigest sha = Sha256.digest();
        sha.update((base + "|" + mapping.listing().path() + "|" + mapping.name()).getBytes(StandardCharsets.UTF_8));
        return routeId + "-" + Sha256.hex(sha).substring(0, 12);
    }
}
