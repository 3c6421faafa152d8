package cn.dataelements.contest.intake.records;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a portal's gateway wants the route's login, as its mapping's {@code auth:} says (the route file chooses the
 * kind and gives the secrets): the header or query parameter that carries an API key, the headers and string to sign
 * of an appKey/appSecret signature, and the scope and client authentication of an OAuth2 client-credentials token.
 * Every key has a default, so a mapping names only what its gateway does differently.
 *
 * @param headerName the header carrying the key for {@code auth: header} (default {@code X-API-Key})
 * @param queryParam the query parameter carrying the key for {@code auth: query} (default {@code apikey})
 * @param signature the signature's headers and string to sign, for {@code auth: signature}
 * @param oauth2Scope the scope asked for with an OAuth2 token, or none
 * @param oauth2ClientAuth how the client id and secret go to the token endpoint: {@code basic} (an Authorization
 *     header, RFC 6749 2.3.1, the default) or {@code body} (form parameters)
 */
public record GatewayAuth(
        String headerName, String queryParam, Signature signature, String oauth2Scope, String oauth2ClientAuth) {

    /** The defaults, for a mapping without {@code auth:}. */
    public static final GatewayAuth DEFAULT = new GatewayAuth(null, null, null, null, null);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final Set<String> PLACEHOLDERS = Set.of("method", "path", "query", "timestamp", "nonce", "appKey");

    /**
     * An appKey/appSecret signature: HMAC-SHA256 with the secret over a string made of the request (method, path,
     * query sorted by name) and a timestamp and nonce, sent with them in headers.
     *
     * @param appKeyHeader default {@code X-App-Key}
     * @param timestampHeader default {@code X-Timestamp}
     * @param nonceHeader default {@code X-Nonce}
     * @param signatureHeader default {@code X-Signature}
     * @param stringToSign the template, default {@code {method}\n{path}\n{query}\n{timestamp}\n{nonce}}; placeholders
     *     {@code {method}}, {@code {path}}, {@code {query}} (the query's parameters sorted by name, then value, as
     *     sent: {@code a=1&b=2}), {@code {timestamp}}, {@code {nonce}}, {@code {appKey}}
     * @param timestamp {@code epoch-millis} (default), {@code epoch-seconds} or {@code iso}
     * @param encoding how the signature is written: {@code base64} (default) or {@code hex}
     */
    public record Signature(
            String appKeyHeader,
            String timestampHeader,
            String nonceHeader,
            String signatureHeader,
            String stringToSign,
            String timestamp,
            String encoding) {

        public static final Signature DEFAULT = new Signature(null, null, null, null, null, null, null);

        public String appKeyHeaderOrDefault() {
            return appKeyHeader == null ? "X-App-Key" : appKeyHeader;
        }

        public String timestampHeaderOrDefault() {
            return timestampHeader == null ? "X-Timestamp" : timestampHeader;
        }

        public String nonceHeaderOrDefault() {
            return nonceHeader == null ? "X-Nonce" : nonceHeader;
        }

        public String signatureHeaderOrDefault() {
            return signatureHeader == null ? "X-Signature" : signatureHeader;
        }

        public String stringToSignOrDefault() {
            return stringToSign == null ? "{method}\n{path}\n{query}\n{timestamp}\n{nonce}" : stringToSign;
        }

        public String timestampOrDefault() {
            return timestamp == null ? "epoch-millis" : timestamp;
        }

        public String encodingOrDefault() {
            return encoding == null ? "base64" : encoding;
        }
    }

    public String headerNameOrDefault() {
        return headerName == null ? "X-API-Key" : headerName;
    }

    public String queryParamOrDefault() {
        return queryParam == null ? "apikey" : queryParam;
    }

    public Signature signatureOrDefault() {
        return signature == null ? Signature.DEFAULT : signature;
    }

    public String oauth2ClientAuthOrDefault() {
        return oauth2ClientAuth == null ? "basic" : oauth2ClientAuth;
    }

    /** Adds what is wrong with the section, each with its key and what would be valid. */
    static void check(GatewayAuth auth, List<MappingProblem> problems) {
        if (auth == null) {
            return;
        }
        name(auth.headerName(), "auth.header-name", "X-API-Key", problems);
        name(auth.queryParam(), "auth.query-param", "apikey", problems);
        oneOf(auth.oauth2ClientAuth(), "auth.oauth2-client-auth", List.of("basic", "body"), problems);
        if (auth.oauth2Scope() != null && !auth.oauth2Scope().matches("[\\x21\\x23-\\x5B\\x5D-\\x7E ]{1,200}")) {
            problems.add(new MappingProblem(
                    "auth.oauth2-scope",
                    "auth.oauth2-scope 只能含可见的 ASCII 字符和空格",
                    "auth.oauth2-scope holds printable ASCII and spaces only"));
        }
        Signature signature = auth.signature();
        if (signature == null) {
            return;
        }
        name(signature.appKeyHeader(), "auth.signature.app-key-header", "X-App-Key", problems);
        name(signature.timestampHeader(), "auth.signature.timestamp-header", "X-Timestamp", problems);
        name(signature.nonceHeader(), "auth.signature.nonce-header", "X-Nonce", problems);
        name(signature.signatureHeader(), "auth.signature.signature-header", "X-Signature", problems);
        oneOf(
                signature.timestamp(),
                "auth.signature.timestamp",
                List.of("epoch-millis", "epoch-seconds", "iso"),
                problems);
        oneOf(signature.encoding(), "auth.signature.encoding", List.of("base64", "hex"), problems);
        if (signature.stringToSign() != null) {
            java.util.regex.Matcher placeholder = Pattern.compile("\\{([^}]*)}").matcher(signature.stringToSign());
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    problems.add(new MappingProblem(
                            "auth.signature.string-to-sign",
                            "auth.signature.string-to-sign 中的 {" + placeholder.group(1) + "} 无效，可用：" + PLACEHOLDERS,
                            "auth.signature.string-to-sign: {" + placeholder.group(1) + "} is not one of "
                                    + PLACEHOLDERS));
                }
            }
        }
    }

    private static void name(String value, String key, String example, List<MappingProblem> problems) {
        if (value != null && !TOKEN.matcher(value).matches()) {
            problems.add(new MappingProblem(
                    key,
                    key + " 的值“" + value + "”不是有效的名称，例如 " + example,
                    key + " value '" + value + "' is not a valid header or parameter name, e.g. " + example));
        }
    }

    private static void oneOf(String value, String key, List<String> allowed, List<MappingProblem> problems) {
        if (value != null && !allowed.contains(value)) {
            problems.add(new MappingProblem(
                    key, key + " 只能是 " + allowed + "，这里是 " + value, key + " is one of " + allowed + ", not " + value));
        }
    }
}
