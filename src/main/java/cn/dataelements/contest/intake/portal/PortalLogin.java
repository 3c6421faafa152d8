package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.GatewayAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a portal route logs in to the portal, on every request to the portal's own origin (never to a file host):
 * {@code none}; {@code token} (a bearer token); {@code basic}; {@code header} (an API key in a named header);
 * {@code query} (an API key in a named query parameter); {@code signature} ({@link SignatureLogin}); {@code oauth2}
 * ({@link OAuth2Login}). Secrets never appear in what is logged: {@link #shown(URI)} is the address without them.
 */
interface PortalLogin {

    /** The kinds a route file's {@code auth} may name. */
    String KINDS = "none|token|basic|header|query|signature|oauth2";

    /** The address to ask: the request's own, or with the key added for {@code query}. */
    default URI address(URI uri) {
        return uri;
    }

    /** Adds the login to a request for {@code uri} (the address as asked). */
    void sign(HttpRequest.Builder request, URI uri, String method) throws IOException, InterruptedException;

    /**
     * The portal answered 401: a login that can be renewed (an OAuth2 token) is renewed; true when the request should
     * be made again, once.
     */
    default boolean renew() {
        return false;
    }

    /** The address as logs and messages may show it: without its query, where keys and signatures are. */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The login a route file asks for. */
    static PortalLogin of(
            String kind, String username, String credential, GatewayAuth auth, OAuth2Login.Endpoint token) {
        return switch (kind) {
            case "none" -> (request, uri, method) -> {};
            case "token" -> (request, uri, method) -> request.header("Authorization", "Bearer " + credential);
            case "basic" -> {
                String basic = "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + credential).getBytes(StandardCharsets.UTF_8));
                yield (request, uri, method) -> request.header("Authorization", basic);
            }
            case "header" -> (request, uri, method) -> request.header(auth.headerNameOrDefault(), credential);
            case "query" -> new QueryLogin(auth.queryParamOrDefault(), credential);
            case "signature" -> new SignatureLogin(username, credential, auth.signatureOrDefault());
            case "oauth2" -> new OAuth2Login(token, username, credential, auth);
            default -> throw new IllegalArgumentException("auth must be one of " + KINDS + ", not " + kind);
        };
    }

    /** An API key as a query parameter of every request to the portal. */
    record QueryLogin(String param, String key) implements PortalLogin {

        @Override
        public URI address(URI uri) {
            String pair = URLEncoder.encode(param, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8);
            String query =
                    uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? pair : uri.getRawQuery() + "&" + pair;
            return URI.create(shown(uri) + "?" + query);
        }

        @Override
        public void sign(HttpRequest.Builder request, URI uri, String method) {
            // the key is in the address
        }

        @Override
        public String toString() {
            return "QueryLogin[" + param + "]";
        }
    }
}
