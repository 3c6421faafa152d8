package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.SourceUnavailableException;
import cn.dataelements.contest.intake.records.GatewayAuth;
import cn.dataelements.contest.intake.source.BoundedBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An OAuth2 client-credentials login (RFC 6749, 4.4): a token is asked for at the gateway's token endpoint with the
 * route's client id and secret, sent as a bearer token, kept until it expires (less a margin), and asked for anew once
 * when the portal answers 401 before then. A token endpoint that is unreachable or overloaded is the source being
 * unavailable; one that refuses the client's credentials is a login refused, which fails the poll and shows in health.
 */
final class OAuth2Login implements PortalLogin {

    /** Where tokens are asked for, and with what. */
    record Endpoint(URI uri, HttpClient http, Duration timeout, ObjectMapper json) {}

    /** A token is renewed this long before the portal would refuse it. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** A token answer without {@code expires_in} is used this long. */
    private static final Duration UNSAID_LIFETIME = Duration.ofMinutes(5);

    private static final long MAX_ANSWER_BYTES = 1 << 20;

    private record Token(String value, Instant renewAt) {}

    private final Endpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final GatewayAuth auth;
    private final Clock clock;
    private Token token;

    OAuth2Login(Endpoint endpoint, String clientId, String clientSecret, GatewayAuth auth) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.auth = auth;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void sign(HttpRequest.Builder request, URI uri, String method) throws IOException, InterruptedException {
        request.header("Authorization", "Bearer " + current());
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private synchronized String current() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch();
        }
        return token.value();
    }

    private Token fetch() throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (auth.oauth2Scope() != null) {
            form.append("&scope=").append(encode(auth.oauth2Scope()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if ("body".equals(auth.oauth2ClientAuthOrDefault())) {
            form.append("&client_id=")
                    .append(encode(clientId))
                    .append("&client_secret=")
                    .append(encode(clientSecret));
        } else {
            String pair = encode(clientId) + ":" + encode(clientSecret);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String shown = PortalLogin.shown(endpoint.uri());
        HttpResponse<InputStream> response;
        try {
            response = endpoint.http()
                    .send(
                            request.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException | java.net.ConnectException e) {
            throw new SourceUnavailableException("The token endpoint " + shown + " did not answer: " + e, e);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream body = response.body()) {
            BoundedBody.copy(body, answer, MAX_ANSWER_BYTES, endpoint.timeout(), "the token answer of " + shown);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new SourceUnavailableException("The token endpoint " + shown + " answered " + status);
        }
        if (status != 200) {
            throw new IOException(
                    "The token endpoint " + shown + " refused the route's client credentials (" + status + ")");
        }
        JsonNode json = endpoint.json().readTree(answer.toByteArray());
        String value = json.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new IOException("The token endpoint " + shown + " answered without an access_token");
        }
        Duration lifetime = json.hasNonNull("expires_in")
                ? Duration.ofSeconds(json.path("expires_in").asLong())
                : UNSAID_LIFETIME;
        Duration margin = lifetime.compareTo(MARGIN.multipliedBy(4)) > 0 ? MARGIN : lifetime.dividedBy(4);
        return new Token(value, clock.instant().plus(lifetime).minus(margin));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth2Login[" + clientId + " at " + PortalLogin.shown(endpoint.uri()) + "]";
    }
}
