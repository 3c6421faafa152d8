package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.GatewayAuth;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An appKey/appSecret signature, as government data gateways ask for it: each request carries the app key, a
 * timestamp, a nonce, and the HMAC-SHA256, keyed with the app secret, of a string made of the request and those two.
 * The headers, the string to sign, the timestamp's form and the signature's encoding are the mapping's
 * ({@link GatewayAuth.Signature}); the default string is {@code METHOD\nPATH\nSORTED_QUERY\nTIMESTAMP\nNONCE}, the
 * query's parameters sorted by name, then value, as sent.
 */
final class SignatureLogin implements PortalLogin {

    private static final SecureRandom NONCES = new SecureRandom();

    private final String appKey;
    private final byte[] appSecret;
    private final GatewayAuth.Signature settings;
    private final Clock clock;

    SignatureLogin(String appKey, String appSecret, GatewayAuth.Signature settings) {
        this(appKey, appSecret, settings, Clock.systemUTC());
    }

    SignatureLogin(String appKey, String appSecret, GatewayAuth.Signature settings, Clock clock) {
        this.appKey = appKey;
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void sign(HttpRequest.Builder request, URI uri, String method) {
        String timestamp = timestamp(clock.instant());
        byte[] random = new byte[16];
        NONCES.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        String signature = signature(stringToSign(method, uri, timestamp, nonce));
        request.header(settings.appKeyHeaderOrDefault(), appKey)
                .header(settings.timestampHeaderOrDefault(), timestamp)
                .header(settings.nonceHeaderOrDefault(), nonce)
                .header(settings.signatureHeaderOrDefault(), signature);
    }

    /** The string the signature is made over, from the mapping's template. */
    String stringToSign(String method, URI uri, String timestamp, String nonce) {
        return settings.stringToSignOrDefault()
                .replace("{method}", method)
                .replace("{path}", uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .replace("{query}", sortedQuery(uri.getRawQuery()))
                .replace("{timestamp}", timestamp)
                .replace("{nonce}", nonce)
                .replace("{appKey}", appKey);
    }

    /** The query's name=value pairs, as sent, sorted by name, then value, joined with {@code &}. */
    static String sortedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>(List.of(rawQuery.split("&")));
        pairs.sort((a, b) -> {
            String nameA = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String nameB = b.contains("=") ? b.substring(0, b.indexOf('=')) : b;
            int byName = nameA.compareTo(nameB);
            return byName != 0 ? byName : a.compareTo(b);
        });
        return String.join("&", pairs);
    }

    String signature(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
            return "hex".equals(settings.encodingOrDefault())
                    ? HexFormat.of().formatHex(digest)
                    : Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private String timestamp(Instant now) {
        return switch (settings.timestampOrDefault()) {
            case "epoch-seconds" -> Long.toString(now.getEpochSecond());
            case "iso" -> now.toString();
            default -> Long.toString(now.toEpochMilli());
        };
    }

    @Override
    public String toString() {
        return "SignatureLogin[" + appKey + "]";
    }
}
