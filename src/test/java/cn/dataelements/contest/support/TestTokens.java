package cn.dataelements.contest.support;

import cn.dataelements.contest.account.ApiTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** API tokens for the tests' calls, one per app and account, made as the account's owner makes one on 我的令牌. */
public final class TestTokens {

    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

    private TestTokens() {}

    /** The {@code Authorization} header value that signs a call in as the account. */
    public static String bearer(ApiTokens tokens, String username) {
        String secret = ISSUED.computeIfAbsent(
                System.identityHashCode(tokens) + "\u0000" + username,
                k -> tokens.issue(username, "test", username).secret());
        return "Bearer " + secret;
    }
}
